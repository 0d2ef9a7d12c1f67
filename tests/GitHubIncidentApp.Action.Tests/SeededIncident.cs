using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>Incident issues seeded on the fake GitHub with a marker, and event payloads about them.</summary>
public static class SeededIncident
{
    /// <param name="author">Who opened it: by default the workflow's bot, whose issues the Action trusts.</param>
    public static FakeIssue Add(FakeRepo repo, Func<IncidentState, IncidentState>? change = null, string author = FakeGitHubServer.WorkflowBotLogin)
    {
        var state = new IncidentState
        {
            Key = "operate-first/incidents|alertname=JupyterHubDown",
            Status = AlertStatus.Firing,
            Firing = ["fp-1"],
            Severity = "critical",
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        };
        return repo.AddIssue("JupyterHubDown", IssueBody.Section("The hub is down.", change?.Invoke(state) ?? state), ["incident"], author: author);
    }

    /// <summary>The recorded <c>issue_comment.created</c> payload, moved onto <paramref name="issue"/> and <paramref name="comment"/>.</summary>
    public static string CommentEvent(FakeRepo repo, FakeIssue issue, FakeComment comment) => GitHubPayloads.Comment(repo, issue, comment);

    /// <summary>A <c>repository_dispatch</c> of type alertmanager carrying the webhook body as <c>client_payload.payload</c>.</summary>
    public static string AlertDispatch(string alertmanagerJson) => new JsonObject
    {
        ["action"] = "alertmanager",
        ["client_payload"] = new JsonObject { ["payload"] = JsonNode.Parse(alertmanagerJson) },
    }.ToJsonString();
}
