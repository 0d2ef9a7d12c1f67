using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The periodic report through the running app, against the fake GitHub, on a clock the test moves: weekly on Monday at
/// 09:00 Berlin time (the default), one issue per period, whatever restarts or look-alike issues come between.
/// </summary>
public sealed class ReportTests : ScheduleTestBase
{
    private const string Title = "Incident report: 2026-11-23 – 2026-11-29 (operate-first/incidents)";

    private List<FakeIssue> Reports => [.. Repo.Issues.Where(i => i.Labels.Contains("incident-report") && i.Author == FakeGitHubServer.BotLogin)];

    [Fact]
    public async Task The_app_opens_one_report_at_its_time_and_a_restart_opens_no_other()
    {
        // Tuesday 2026-11-24 14:00 Berlin (the alerts started 13:54): bob is on call; the incident is acknowledged, then resolved.
        await AdvanceAsync(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero) - TestClock.GetUtcNow());
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await AdvanceAsync(TimeSpan.FromMinutes(5));
        await CommentAsync(Incident.Number, "bob", "/ack");
        await AdvanceAsync(TimeSpan.FromMinutes(40));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        Assert.Equal("closed", Incident.State);

        // Someone else's issue with the report's label and marker does not stand for the app's report.
        Repo.AddIssue("Incident report", "<!-- incident-report: 2026-11-23..2026-11-29 -->", ["incident-report"], author: "mallory");

        // Sunday evening: the week is not over.
        await AdvanceAsync(new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero) - TestClock.GetUtcNow());
        Assert.Empty(Reports);

        // Monday 2026-11-30 09:00 Berlin (08:00 UTC).
        await AdvanceAsync(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero) - TestClock.GetUtcNow());
        var report = await WaitForAsync(() => Reports.FirstOrDefault(), "the report issue");

        Assert.Equal(Title, report.Title);
        Assert.DoesNotContain("incident", report.Labels);
        Assert.StartsWith("<!-- incident-report: 2026-11-23..2026-11-29 -->\n", report.Body, StringComparison.Ordinal);
        Assert.Contains("**1** incident opened, **1** resolved, 0 storms, 0 escalation steps fired.", report.Body, StringComparison.Ordinal);
        Assert.Matches(@"\n\| critical \| 1 \| 11m \d+s \| 11m \d+s \| \S+ \| \S+ \|\n", report.Body);
        Assert.Contains("| JupyterHubDown | 1 |", report.Body, StringComparison.Ordinal);
        Assert.Matches(@"\n\| bob \| 1 \| \d+", report.Body);
        Assert.Contains("```mermaid\npie title Incidents opened by severity\n    \"critical\" : 1\n```", report.Body, StringComparison.Ordinal);

        // The next passes, and a restarted app (which forgot what it posted), find it and open none.
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        var dataDir = App.DataDir;
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, dataDir, time: TestClock);
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        await App.WaitUntilIdleAsync();
        Assert.Equal(report.Number, Assert.Single(Reports).Number);
    }

    [Fact]
    public async Task A_quiet_week_gets_no_report_and_an_app_down_too_long_posts_none_late()
    {
        // No incident in the week of 2026-11-23: nothing at its time.
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        await AdvanceAsync(new DateTimeOffset(2026, 11, 30, 8, 5, 0, TimeSpan.Zero) - TestClock.GetUtcNow());
        Assert.Empty(Reports);

        // An incident that week, but the app was down from Monday 07:00 until 15:00 UTC, more than 6 h past the time.
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var dataDir = App.DataDir;
        await App.DisposeAsync();
        TestClock.Advance(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero) - TestClock.GetUtcNow());
        App = await RunningApp.StartAsync(GitHub, dataDir, time: TestClock);
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Empty(Reports);
    }
}
