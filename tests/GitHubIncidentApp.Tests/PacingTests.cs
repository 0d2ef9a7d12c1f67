using System.Net;
using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Content creation paced under GitHub's limits (scaled down here to 2 a minute), on a clock the test
/// moves; a backlog opens its most severe incidents first, and a restart keeps counting the slots taken before it.
/// </summary>
public sealed class PacingTests : AppTestBase
{
    private const int PerMinute = 2;

    private static readonly DateTimeOffset Start = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    protected override TimeProvider Clock => _clock;

    protected override Task<RunningApp> StartAppAsync() => StartOnAsync(dataDir: null);

    private Task<RunningApp> StartOnAsync(string? dataDir)
    {
        Repo.SetRole("alice", "triage");
        return RunningApp.StartAsync(
            GitHub,
            dataDir,
            settings: new Dictionary<string, string?> { ["WORKERS"] = "1", ["CONTENT_PER_MINUTE"] = $"{PerMinute}", ["CONTENT_PER_HOUR"] = "100" },
            time: _clock);
    }

    [Fact]
    public async Task A_burst_is_opened_under_the_limit_most_severe_first_and_every_group_exactly_once()
    {
        var warnings = Enumerable.Range(1, 6).Select(i => $"DiskFilling{i}").ToList();
        var criticals = Enumerable.Range(1, 3).Select(i => $"ServiceDown{i}").ToList();
        await PostAllAsync(warnings, "warning");

        // Two open at once; the third waits for its slot while the critical ones arrive.
        await WaitUntilAsync(() => Repo.Issues.Count == PerMinute);
        await Task.Delay(300);
        await PostAllAsync(criticals, "critical");

        for (var minute = 0; minute < 10 && Repo.Issues.Count < warnings.Count + criticals.Count; minute++)
        {
            _clock.Advance(ContentLimits.Minute + ContentLimits.Margin);
            await WaitUntilAsync(() => Repo.Issues.Count >= Math.Min(9, PerMinute * (minute + 2)));
        }

        await App.WaitUntilIdleAsync();
        var issues = Repo.Issues.OrderBy(issue => issue.Number).ToList();
        Assert.Equal(warnings.Count + criticals.Count, issues.Count);
        Assert.Equal(
            ["warning", "warning", "warning", "critical", "critical", "critical", "warning", "warning", "warning"],
            issues.Select(issue => issue.Labels.Single(label => label.StartsWith("severity/", StringComparison.Ordinal))["severity/".Length..]));
        Assert.All(issues, issue => Assert.True(
            issues.Count(other => other.CreatedAt > issue.CreatedAt - TimeSpan.FromMinutes(1) && other.CreatedAt <= issue.CreatedAt) <= PerMinute,
            $"more than {PerMinute} issues opened in the minute up to #{issue.Number}"));
    }

    [Fact]
    public async Task Slots_taken_before_a_restart_still_count_after_it()
    {
        await PostAllAsync(["DiskFilling1", "DiskFilling2"], "warning");
        await WaitUntilAsync(() => Repo.Issues.Count == PerMinute);
        await App.WaitUntilIdleAsync();
        var dataDir = App.DataDir;
        await App.DisposeAsync();

        App = await StartOnAsync(dataDir);
        await PostAllAsync(["ServiceDown1"], "critical");
        var pacer = App.Services.GetRequiredService<ContentPacer>();
        await WaitUntilAsync(() => pacer.Waiting == 1);
        Assert.Equal(PerMinute, Repo.Issues.Count);

        _clock.Advance(ContentLimits.Minute + ContentLimits.Margin);
        await App.WaitUntilIdleAsync();
        var opened = Assert.Single(Repo.Issues, issue => issue.Body.Contains("alertname=ServiceDown1", StringComparison.Ordinal));
        Assert.Equal(Start + (ContentLimits.Minute + ContentLimits.Margin), opened.CreatedAt);
    }

    private async Task PostAllAsync(IEnumerable<string> groups, string severity)
    {
        foreach (var group in groups)
        {
            using var response = await App.PostAlertsAsync(Payloads.Group(group, severity));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the app");
            await Task.Delay(20);
        }
    }
}
