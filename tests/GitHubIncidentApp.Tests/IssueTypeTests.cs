using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Tests;

/// <summary><c>issue_type</c> through the running app: the create call carries it, and a type GitHub drops is said once.</summary>
public sealed class IssueTypeTests : AppTestBase
{
    private const string CreatePath = "^/repos/operate-first/incidents/issues$";

    private readonly HostileLog _log = new();

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(".github/incidents.yml", "issue_type: Incident\n");
        return RunningApp.StartAsync(GitHub, services: _log.AddTo);
    }

    private IReadOnlyList<HostileLogEntry> TypeWarnings =>
        [.. _log.Entries.Where(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("issue type Incident", StringComparison.Ordinal))];

    [Fact]
    public async Task The_create_call_sets_the_organisations_issue_type_with_no_call_more()
    {
        GitHub.SetIssueTypes("operate-first", "Bug", "Incident");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var create = Assert.Single(GitHub.Requests, r => r.Method == "POST" && r.Path == "/repos/operate-first/incidents/issues");
        Assert.Equal("Incident", JsonNode.Parse(create.Body)!["type"]!.GetValue<string>());
        var issue = Assert.Single(Repo.Issues);
        Assert.Equal("Incident", issue.Type);
        Assert.DoesNotContain("[!WARNING]", issue.Body, StringComparison.Ordinal);
        Assert.Equal(0, GitHub.Count("PATCH", $"^/repos/operate-first/incidents/issues/{issue.Number}$"));
        Assert.Equal(0, GitHub.Count("GET", "^/orgs/"));
        Assert.Empty(TypeWarnings);
    }

    [Fact]
    public async Task A_type_the_organisation_lacks_is_said_in_the_log_once_and_in_every_issue_for_one_call_more_the_first_time()
    {
        GitHub.SetIssueTypes("operate-first", "Bug");

        await App.DeliverAsync(Payloads.Group("DiskFull"));
        var first = Assert.Single(Repo.Issues);
        Assert.Null(first.Type);
        Assert.Contains("'issue_type' names the issue type \"Incident\", which GitHub did not set", first.Body, StringComparison.Ordinal);
        Assert.Contains("create it in the organisation's settings (Issue types), or remove 'issue_type'", first.Body, StringComparison.Ordinal);
        Assert.Equal(1, GitHub.Count("PATCH", $"^/repos/operate-first/incidents/issues/{first.Number}$"));

        // The next incidents know already: the note is in the create call, and nothing more is spent or logged.
        GitHub.ClearRequests();
        await App.DeliverAsync(Payloads.Group("CpuHigh"));
        await App.DeliverAsync(Payloads.Group("MemoryHigh"));
        Assert.Equal(3, Repo.Issues.Count);
        Assert.All(Repo.Issues.Skip(1), issue => Assert.Contains("which GitHub did not set", issue.Body, StringComparison.Ordinal));
        Assert.Equal(2, GitHub.Count("POST", CreatePath));
        Assert.Equal(0, GitHub.Count("PATCH", "^/repos/operate-first/incidents/issues/"));
        Assert.Single(TypeWarnings);

        // The note stays when the incident's section is rewritten.
        await App.DeliverAsync(Payloads.WithSecondAlert(Payloads.Group("CpuHigh"), "node-2:9100"));
        Assert.Contains("which GitHub did not set", Repo.Issue(2).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_accounts_repository_has_no_issue_types_and_its_incidents_still_open()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var issue = Assert.Single(Repo.Issues);
        Assert.Equal("open", issue.State);
        Assert.Null(issue.Type);
        Assert.Contains("a personal account's repositories have no issue types", issue.Body, StringComparison.Ordinal);
        Assert.Single(TypeWarnings);
    }
}
