using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>
/// The resolve hold-down in the Action, whose only memory between runs is the issues' markers: a held-down resolution
/// is written there, and a scheduled run applies it once the delay has passed.
/// </summary>
public sealed class HoldDownRunTests : ActionRunTestBase
{
    protected override void Arrange() => Repo.SetFile(".github/incidents.yml", "resolve:\n  delay: 5m\n");

    [Fact]
    public async Task A_held_down_resolution_waits_in_the_marker_and_a_scheduled_run_applies_it_once()
    {
        await RunAsync("repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")));
        var number = Assert.Single(Repo.Issues).Number;

        await RunAsync("repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("resolved")));

        var waiting = Repo.Issue(number);
        Assert.Equal("open", waiting.State);
        Assert.Empty(waiting.Comments);
        var marker = IssueBody.ReadState(waiting.Body)!;
        // The alert ended on 2026-11-24 at 12:54:41; the delay has long passed, but only a scheduled run fires timed steps.
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T12:59:41Z", System.Globalization.CultureInfo.InvariantCulture), marker.ResolveDueAt);

        await RunAsync("schedule", "{}");
        await RunAsync("schedule", "{}");

        var closed = Repo.Issue(number);
        Assert.Equal("closed", closed.State);
        Assert.Contains("resolved", closed.Labels);
        Assert.Contains("after **12s**", Assert.Single(closed.Comments).Body, StringComparison.Ordinal);
        Assert.Null(IssueBody.ReadState(closed.Body)!.Resolving);
    }

    [Fact]
    public async Task Firing_again_within_the_delay_cancels_it_through_the_marker_without_a_comment()
    {
        var payload = AlertmanagerPayloadParser.Parse(Fixtures.Bytes("alertmanager/firing-critical.json")).Payload!;
        var issue = SeededIncident.Add(Repo, state => state with
        {
            Key = IncidentKey.Derive(new RepoRef(ActionProcess.Owner, ActionProcess.Name), payload, []),
            Firing = [],
            Resolving = new PendingResolve(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(4), ["1b426ae9ae5fb0ed"]),
        });

        await RunAsync("repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")));

        var marker = IssueBody.ReadState(Repo.Issue(issue.Number).Body)!;
        Assert.Null(marker.Resolving);
        Assert.Single(marker.Flaps!.Times);
        Assert.Equal("open", Repo.Issue(issue.Number).State);
        Assert.Empty(Repo.Issue(issue.Number).Comments);
        Assert.Single(Repo.Issues);
    }

    private async Task RunAsync(string eventName, string eventJson)
    {
        var result = await Action.RunAsync(GitHub, eventName, eventJson);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
    }
}
