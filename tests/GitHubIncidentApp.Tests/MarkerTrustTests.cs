using System.Net;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Anyone can open an issue on a public repository and paste an incident marker into it. Only the issues the
/// app's bot opened carry incidents: a marker anywhere else steers nothing, silences nothing and pages nobody.
/// </summary>
public sealed class MarkerTrustTests : AppTestBase
{
    private const string Outsider = "mallory";

    // Monday 10:00 in Berlin: bob is on call (Schedules.Weekly).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private int _deliveries;

    protected override TimeProvider Clock => _clock;

    private FakeIssue RealIncident => Repo.Issue(1);

    protected override Task<RunningApp> StartAppAsync()
    {
        foreach (var person in new[] { "alice", "bob", "carol", "victim" })
        {
            Repo.SetRole(person, "triage");
        }

        Repo.SetFile(".github/incidents.yml", Schedules.Weekly);
        return base.StartAppAsync();
    }

    [Fact]
    public async Task An_outsider_closing_or_commanding_a_copy_of_a_real_marker_changes_nothing_and_the_resolve_closes_the_real_issue()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var copy = Repo.AddIssue("Not an incident", "Look at this:\n\n" + RealIncident.Body, author: Outsider);

        var help = Repo.AddComment(copy.Number, Outsider, "/help");
        await SendAsync("issue_comment", Webhooks.Comment(Repo, Repo.Issue(copy.Number), help));
        Repo.EditIssue(copy.Number, new FakeIssuePatch { State = "closed" });
        await SendAsync("issues", Webhooks.IssueChange("closed", Repo, Repo.Issue(copy.Number), Outsider));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        Assert.Equal("closed", RealIncident.State);
        Assert.Contains("resolved", RealIncident.Labels);
        var untouched = Repo.Issue(copy.Number);
        Assert.Equal(copy.Body, untouched.Body);
        Assert.Equal([help.Id], untouched.Comments.Select(c => c.Id));
        Assert.Empty(Repo.Comment(help.Id).Reactions);
        Assert.Empty(untouched.Labels);
        Assert.Equal(0, GitHub.Count("POST", $"^/repos/operate-first/incidents/issues/{copy.Number}/"));
        Assert.Equal(0, GitHub.Count("PATCH", $"^/repos/operate-first/incidents/issues/{copy.Number}$"));
    }

    [Fact]
    public async Task A_forged_marker_with_escalation_steps_due_in_the_past_pages_nobody_even_as_the_clock_runs()
    {
        var forged = new IncidentState
        {
            Key = "operate-first/incidents|alertname=Forged",
            Status = "firing",
            Firing = ["f1"],
            Severity = "critical",
            StartedAt = _clock.GetUtcNow().AddHours(-2),
            Escalation = new EscalationProgress
            {
                Policy = "default",
                Steps = [new EscalationStepPlan(["@victim", "@operate-first/everyone"], TimeSpan.FromMinutes(1))],
                Repeat = 50,
                DueAt = _clock.GetUtcNow().AddHours(-1),
            },
        };
        var issue = Repo.AddIssue("Please look", IssueBody.Section("hello", forged), author: Outsider);

        var comment = Repo.AddComment(issue.Number, Outsider, "/help");
        await SendAsync("issue_comment", Webhooks.Comment(Repo, Repo.Issue(issue.Number), comment));
        await SendAsync("issues", Webhooks.IssueChange("reopened", Repo, Repo.Issue(issue.Number), Outsider));
        for (var minute = 0; minute < 5; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
            await App.WaitUntilIdleAsync();
        }

        Assert.Empty(Repo.Issue(issue.Number).Assignees);
        Assert.Equal([comment.Id], Repo.Issue(issue.Number).Comments.Select(c => c.Id));
        Assert.DoesNotContain(Repo.Issues.SelectMany(i => i.Comments), c => c.Body.Contains("victim", StringComparison.Ordinal));
        Assert.DoesNotContain(Repo.Issues, i => i.Assignees.Contains("victim"));
    }

    [Fact]
    public async Task A_lost_index_is_rebuilt_from_the_apps_issue_not_from_a_newer_labeled_copy()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var copy = Repo.AddIssue("Copy", RealIncident.Body, ["incident"], author: Outsider);
        await LoseIndexAsync();

        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        Assert.Equal("closed", RealIncident.State);
        Assert.Equal("open", Repo.Issue(copy.Number).State);
        Assert.Empty(Repo.Issue(copy.Number).Comments);
        Assert.Equal(copy.Body, Repo.Issue(copy.Number).Body);
    }

    [Fact]
    public async Task An_escalation_step_pages_only_targets_the_config_names()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        // Someone with write access rewrites the frozen second step; an index rebuilt from the marker believes it.
        Repo.EditIssue(1, new FakeIssuePatch { Body = RealIncident.Body.Replace("\"primary:next\"", "\"@victim\"", StringComparison.Ordinal) });
        Assert.Contains("\"@victim\"", RealIncident.Body, StringComparison.Ordinal);
        await LoseIndexAsync();
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        _clock.Advance(TimeSpan.FromMinutes(16));
        _clock.Advance(TimeSpan.FromSeconds(20));
        for (var waited = 0; waited < 10_000 && !RealIncident.Comments.Any(c => c.Body.Contains("Escalating", StringComparison.Ordinal)); waited += 50)
        {
            await Task.Delay(50);
        }

        var escalation = Assert.Single(RealIncident.Comments, c => c.Body.Contains("Escalating", StringComparison.Ordinal));
        Assert.Contains("nobody is on call", escalation.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("victim", RealIncident.Assignees);
    }

    [Fact]
    public async Task An_override_ledger_someone_else_opened_changes_nobody_on_call()
    {
        var taken = new OnCallOverride("primary", "victim", new DateTime(2026, 11, 23, 0, 0, 0), new DateTime(2026, 11, 30, 0, 0, 0));
        Repo.AddIssue(OverrideLedger.Title, OverrideLedger.Render([taken]), [OverrideLedger.Label], author: Outsider);

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var incident = Assert.Single(Repo.Issues, i => i.Labels.Contains("incident"));
        Assert.Equal(["bob"], incident.Assignees);
        Assert.DoesNotContain("victim", incident.Body, StringComparison.Ordinal);
    }

    private async Task LoseIndexAsync()
    {
        var dataDir = App.DataDir;
        await App.DisposeAsync();
        foreach (var file in Directory.GetFiles(dataDir))
        {
            File.Delete(file);
        }

        App = await RunningApp.StartAsync(GitHub, dataDir, time: _clock);
    }

    private async Task SendAsync(string eventName, byte[] payload)
    {
        var (status, _) = await Webhooks.PostAsync(App.BaseUrl, eventName, payload, Webhooks.Sign(payload), $"delivery-{++_deliveries}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await App.WaitUntilIdleAsync();
    }
}
