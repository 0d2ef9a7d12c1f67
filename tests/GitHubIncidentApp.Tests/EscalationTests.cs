using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>Escalation through the running app, on a clock the test moves, against the fake GitHub.</summary>
public sealed class EscalationTests : ScheduleTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
    }

    [Fact]
    public async Task Steps_fire_once_each_at_their_time_and_survive_a_restart()
    {
        Assert.Equal(["bob"], Incident.Assignees);

        await AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Empty(Escalations);

        await AdvanceAsync(TimeSpan.FromMinutes(5));
        await EventuallyAsync(() => Escalations.Count > 0);
        Assert.Contains("carol", Incident.Assignees);
        Assert.Contains("step 2 of 3", Assert.Single(Escalations).Body, StringComparison.Ordinal);

        // A restart in the middle neither repeats the step that fired nor skips the next one.
        var dataDir = App.DataDir;
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, dataDir, time: TestClock);
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Single(Escalations);

        await AdvanceAsync(TimeSpan.FromMinutes(15));
        await EventuallyAsync(() => Escalations.Count > 1);
        Assert.Equal(2, Escalations.Count);
        Assert.Contains("@operate-first/sre-leads", Escalations[1].Body, StringComparison.Ordinal);

        await AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Equal(2, Escalations.Count);
    }

    [Fact]
    public async Task Ack_stops_escalation_until_the_acknowledgement_times_out()
    {
        await CommentAsync(Incident.Number, "bob", "/ack");

        await AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Empty(Escalations);

        await AdvanceAsync(TimeSpan.FromMinutes(90));
        await EventuallyAsync(() => !Incident.Labels.Contains("acknowledged"));
        Assert.DoesNotContain("acknowledged", Incident.Labels);
        Assert.Contains(Incident.Comments, c => c.Body.Contains("unacknowledged again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oncall_take_is_kept_in_a_ledger_issue_and_changes_who_is_on_call()
    {
        var incident = Incident.Number;
        await CommentAsync(incident, "carol", "/oncall take 2h");

        var ledger = Assert.Single(Repo.Issues, i => i.Labels.Contains("oncall-overrides"));
        Assert.Contains("| primary | @carol |", ledger.Body, StringComparison.Ordinal);

        await CommentAsync(incident, "alice", "/oncall");
        Assert.Contains("@carol (override in primary)", Repo.Issue(incident).Comments[^1].Body, StringComparison.Ordinal);
    }
}
