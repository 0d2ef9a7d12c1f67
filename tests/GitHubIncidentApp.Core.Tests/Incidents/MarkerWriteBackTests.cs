using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Core.Tests.Storage;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// Markers catch up with the index after a delivery only where the index does not keep the state: once per issue
/// whose marker differs, and with no call at all over a database.
/// </summary>
public sealed class MarkerWriteBackTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Without_a_durable_index_a_marker_left_behind_is_rewritten_once_for_the_delivery()
    {
        await using var core = await PipelineHarness.StartAsync(new InMemoryIncidentIndex());
        var issue = core.AddIncident();
        var changed = core.MarkerOf(issue.Number) with { Severity = "warning" };

        await WriteBehindTheMarkerAsync(core, issue, changed, comments: 2);

        Assert.Equal(2, core.FakeRepo.Issue(issue.Number).Comments.Count);
        Assert.Single(core.Server.Requests, r => r.Method == "PATCH");
        Assert.Equal(changed.ToJson(), core.MarkerOf(issue.Number).ToJson());
        Assert.Contains("The hub is down.", core.FakeRepo.Issue(issue.Number).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marker_that_already_says_what_the_index_says_is_read_and_left_alone()
    {
        await using var core = await PipelineHarness.StartAsync(new InMemoryIncidentIndex());
        var issue = core.AddIncident();

        await WriteBehindTheMarkerAsync(core, issue, core.MarkerOf(issue.Number), comments: 1);

        Assert.DoesNotContain(core.Server.Requests, r => r.Method == "PATCH");
        Assert.Single(core.Server.Requests, r => r.Method == "GET" && r.Path.EndsWith($"/issues/{issue.Number}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_that_writes_nothing_reads_nothing()
    {
        await using var core = await PipelineHarness.StartAsync(new InMemoryIncidentIndex());
        core.AddIncident();

        var result = await core.Get<MarkerWriteBack>().AfterAsync(() => Task.FromResult(42), None);

        Assert.Equal(42, result);
        Assert.Empty(core.Server.Requests);
    }

    [Fact]
    public async Task With_a_durable_index_no_call_is_added()
    {
        using var directory = new TempDataDirectory();
        await using var core = await PipelineHarness.StartAsync(new SqliteIncidentIndex(await directory.OpenMigratedAsync()));
        var issue = core.AddIncident();
        var before = core.MarkerOf(issue.Number);

        await WriteBehindTheMarkerAsync(core, issue, before with { Severity = "warning" }, comments: 2);

        Assert.Equal(["POST", "POST"], core.Server.Requests.Select(r => r.Method));
        Assert.Equal(before.ToJson(), core.MarkerOf(issue.Number).ToJson());
    }

    // Comments only: the index moves to the new state, the marker in the issue's body does not.
    private static Task WriteBehindTheMarkerAsync(PipelineHarness core, FakeIssue issue, IncidentState state, int comments) =>
        core.Get<MarkerWriteBack>().AfterAsync(async () =>
        {
            var store = core.Get<IncidentStore>();
            var applied = new IncidentIssue(issue.Number, issue.Labels);
            for (var i = 0; i < comments; i++)
            {
                applied = await store.ApplyAsync(PipelineHarness.Repo, state.Key, applied, new IncidentDecision([new CommentOnIssue($"note {i}")], state), None);
            }

            return applied;
        }, None);
}
