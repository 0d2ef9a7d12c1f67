using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Testing;

/// <summary>GitHub webhook payloads made from the recorded ones, moved onto issues of the fake GitHub.</summary>
public static class GitHubPayloads
{
    /// <summary>An <c>issue_comment.created</c> payload for a comment on the fake issue, as GitHub would send it.</summary>
    public static string Comment(FakeRepo repo, FakeIssue issue, FakeComment comment, bool senderIsBot = false)
    {
        var root = Payload("issue_comment.created", repo, issue, comment.Author, senderIsBot);
        root["comment"]!["id"] = comment.Id;
        root["comment"]!["body"] = comment.Body;
        root["comment"]!["user"]!["login"] = comment.Author;
        return root.ToJsonString();
    }

    /// <summary>An <c>issues</c> payload (closed, reopened, labeled, ...) for the fake issue as it is now.</summary>
    public static string IssueChange(string action, FakeRepo repo, FakeIssue issue, string sender, string? label = null)
    {
        var root = Payload("issues.labeled", repo, issue, sender, senderIsBot: false);
        root["action"] = action;
        if (label is null)
        {
            root.AsObject().Remove("label");
        }
        else
        {
            root["label"]!["name"] = label;
        }

        return root.ToJsonString();
    }

    private static JsonNode Payload(string fixture, FakeRepo repo, FakeIssue issue, string sender, bool senderIsBot)
    {
        var root = JsonNode.Parse(Fixtures.Text($"github/{fixture}.json"))!;
        root["repository"]!["name"] = repo.Name;
        root["repository"]!["full_name"] = $"{repo.Owner}/{repo.Name}";
        root["repository"]!["owner"]!["login"] = repo.Owner;
        var json = root["issue"]!;
        json["number"] = issue.Number;
        json["title"] = issue.Title;
        json["body"] = issue.Body;
        json["state"] = issue.State;
        json["labels"] = new JsonArray([.. issue.Labels.Select(name => (JsonNode)new JsonObject { ["name"] = name })]);
        json["assignees"] = new JsonArray([.. issue.Assignees.Select(login => (JsonNode)new JsonObject { ["login"] = login })]);
        json["user"]!["login"] = issue.Author;
        json["user"]!["type"] = issue.Author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User";
        root["sender"]!["login"] = sender;
        root["sender"]!["type"] = senderIsBot ? "Bot" : "User";
        return root;
    }
}
