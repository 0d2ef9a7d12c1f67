using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Signed GitHub webhook deliveries, made from the recorded payloads.</summary>
public static class Webhooks
{
    public const string DefaultPath = "api/github/webhooks";

    public static string Sign(byte[] body, string secret = RunningApp.WebhookSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        Uri baseUrl, string eventName, byte[] body, string? signature, string deliveryId, string path = DefaultPath, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        using var client = new HttpClient { BaseAddress = baseUrl };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>An <c>issue_comment.created</c> payload for a comment on the fake issue, as GitHub would send it.</summary>
    public static byte[] Comment(FakeRepo repo, FakeIssue issue, FakeComment comment, bool senderIsBot = false)
    {
        var root = Payload("issue_comment.created", repo, issue, comment.Author, senderIsBot);
        root["comment"]!["id"] = comment.Id;
        root["comment"]!["body"] = comment.Body;
        root["comment"]!["user"]!["login"] = comment.Author;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>An <c>issues</c> payload (closed, reopened, labeled, ...) for the fake issue as it is now.</summary>
    public static byte[] IssueChange(string action, FakeRepo repo, FakeIssue issue, string sender, string? label = null)
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

        return Encoding.UTF8.GetBytes(root.ToJsonString());
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
        root["sender"]!["login"] = sender;
        root["sender"]!["type"] = senderIsBot ? "Bot" : "User";
        return root;
    }
}
