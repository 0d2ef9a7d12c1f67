using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static GitHubIncidentApp.Core.Tests.Incidents.StormDeciderTests;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// Storms as the Action runs them: each run a fresh in-memory index rebuilt from the issues (here the dry-run port's),
/// so the storm issue's marker is all that is remembered between runs.
/// </summary>
public sealed class StormActionTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");

    private readonly FakeTimeProvider _time = new(TestIncidents.Now);
    private readonly DryRunGitHubPort _github;

    public StormActionTests() => _github = new DryRunGitHubPort(NullLogger<DryRunGitHubPort>.Instance, _time);

    /// <summary>One run: the handler as the Action's composition builds it, over an index that starts empty.</summary>
    private AlertDeliveryHandler NewRun()
    {
        var bot = new FixedBotIdentity(DryRunGitHubPort.DefaultAuthor);
        var index = new InMemoryIncidentIndex();
        var markers = new TrustedMarkers(_github, bot, NullLogger<TrustedMarkers>.Instance);
        var store = new IncidentStore(index, new IncidentIndexRebuilder(markers, index, _time), markers, new IncidentExecutor(_github, new LabelCache(_github)), _time);
        var settings = new RepoSettingsCache(_github, bot, _time, NullLogger<RepoSettingsCache>.Instance);
        return new AlertDeliveryHandler(settings, store, new StormLedger(store, index), _time, NullLogger<AlertDeliveryHandler>.Instance);
    }

    private async Task<IssueSnapshot> StormAsync()
    {
        var issues = await _github.ListIssuesWithLabelAsync(Repo, StormDecider.Label.Name, CancellationToken.None);
        return Assert.Single(issues);
    }

    [Fact]
    public async Task Groups_join_and_resolve_across_runs_through_the_storm_issues_marker_and_the_storm_closes()
    {
        var first = NewRun();
        for (var i = 0; i < 12; i++)
        {
            await first.HandleAsync(Repo, Group($"G{i}"), retried: false, CancellationToken.None);
        }

        // Written at once, not batched: no later run would remember the joined group otherwise.
        var storm = await StormAsync();
        Assert.Equal(["G10", "G11"], IssueBody.ReadState(storm.Body)!.Storm!.Members.Select(m => m.Labels["alertname"]));

        await NewRun().HandleAsync(Repo, Group("G10"), retried: false, CancellationToken.None);
        Assert.Single(IssueBody.ReadState((await StormAsync()).Body)!.Storm!.Members, m => m.Labels["alertname"] == "G10");

        await NewRun().HandleAsync(Repo, Group("G10", resolved: true), retried: false, CancellationToken.None);
        Assert.NotNull(IssueBody.ReadState((await StormAsync()).Body)!.Storm!.Members.Single(m => m.Labels["alertname"] == "G10").ResolvedAt);
        Assert.True((await StormAsync()).IsOpen);

        await NewRun().HandleAsync(Repo, Group("G11", resolved: true), retried: false, CancellationToken.None);
        Assert.False((await StormAsync()).IsOpen);
        // Ten issues before the threshold and the storm issue: the two that joined never had one.
        Assert.Equal(11, (await _github.ListIssuesWithLabelAsync(Repo, "incident", CancellationToken.None)).Count);
    }
}
