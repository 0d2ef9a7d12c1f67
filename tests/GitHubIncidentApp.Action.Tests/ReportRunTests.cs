using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Reports;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>The Action's scheduled run opens the periodic report when it is due, once, as the App's timer does.</summary>
public sealed class ReportRunTests : ActionRunTestBase
{
    [Fact]
    public async Task A_scheduled_run_opens_the_due_report_once()
    {
        // A daily report due a few minutes ago (the run reads the system clock), in UTC: the file names no time zone.
        var now = DateTimeOffset.UtcNow;
        var at = new TimeSpan(now.Hour, now.Minute, 0) - TimeSpan.FromMinutes(5);
        at = at < TimeSpan.Zero ? at + TimeSpan.FromDays(1) : at;
        var config = new ReportConfig { Every = ReportEvery.Day, At = at };
        var period = ReportPeriod.Due(config, TimeZoneInfo.Utc, now, TimeSpan.FromHours(6))!.Value.Period;
        Repo.SetFile(".github/incidents.yml", $"report: {{ every: day, at: \"{at.ToString(@"hh\:mm", CultureInfo.InvariantCulture)}\" }}\n");
        SeededIncident.Add(Repo, state => state with
        {
            Status = AlertStatus.Resolved,
            Firing = [],
            StartedAt = period.From.AddHours(1),
            ResolvedAt = period.From.AddHours(1).AddMinutes(30),
        });

        var first = await Action.RunAsync(GitHub, "schedule", eventJson: "{}");
        var second = await Action.RunAsync(GitHub, "schedule", eventJson: "{}");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Stdout + first.Stderr + second.Stdout);
        var report = Assert.Single(Repo.Issues, i => i.Labels.Contains("incident-report"));
        Assert.Equal(FakeGitHubServer.WorkflowBotLogin, report.Author);
        Assert.Equal($"Incident report: {period.Range} (operate-first/incidents)", report.Title);
        Assert.Contains("**1** incident opened, **1** resolved", report.Body, StringComparison.Ordinal);
        Assert.Contains($"Opened the report of {period.Range}: #{report.Number}.", first.Summary, StringComparison.Ordinal);
        Assert.Contains($"The report of {period.Range} is #{report.Number}.", second.Summary, StringComparison.Ordinal);
    }
}
