using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary><c>report</c> reads a repository's incidents from a fake GitHub with <c>GITHUB_TOKEN</c> and prints the report's Markdown.</summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private const string Token = "ghp_report";
    private const string Bot = FakeGitHubServer.BotLogin;

    // Tuesday 2026-11-24 13:00 UTC: bob holds the week in Schedules.Weekly.
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    private FakeGitHubServer _github = null!;

    private FakeRepo Repo => _github.Repo("operate-first", "incidents");

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepositoryToken("operate-first", Token, author: "alice");
        Repo.SetFile(".github/incidents.yml", Schedules.Weekly);
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private Dictionary<string, string> Environment(string? token = Token) => new()
    {
        ["GITHUB_TOKEN"] = token ?? "",
        ["GITHUB_API_URL"] = _github.BaseUrl.ToString(),
    };

    private Task<(int Exit, string Output, string Errors)> ReportAsync(Dictionary<string, string> environment, params string[] args) =>
        RepoForCommandTests.RunAsync((a, output, errors) => ReportCommand.RunAsync(a, output, errors, environment.GetValueOrDefault), args);

    private void Seed(string alertname, string severity, DateTimeOffset started, int ackMinutes, int resolveMinutes, string author = Bot)
    {
        var state = new IncidentState
        {
            Key = alertname,
            Status = "resolved",
            Firing = [],
            Severity = severity,
            StartedAt = started,
            Acknowledged = new Acknowledgement("bob", started.AddMinutes(ackMinutes)),
            ResolvedAt = started.AddMinutes(resolveMinutes),
            GroupLabels = new Dictionary<string, string> { ["alertname"] = alertname },
        };
        Repo.AddIssue($"{alertname} is firing", IssueBody.Section("An incident.", state), ["incident", $"severity/{severity}"], open: false, author: author);
    }

    [Fact]
    public async Task The_report_of_a_range_is_printed_from_the_apps_own_incidents()
    {
        Seed("ApiDown", "critical", Opened, ackMinutes: 3, resolveMinutes: 30);
        Seed("DiskFull", "warning", Opened.AddDays(1), ackMinutes: 10, resolveMinutes: 120);
        Seed("DiskFull", "warning", Opened.AddDays(2), ackMinutes: 20, resolveMinutes: 60);
        // Outside the range, and a look-alike someone else opened: neither counts.
        Seed("Old", "critical", Opened.AddDays(-20), ackMinutes: 1, resolveMinutes: 2);
        Seed("Forged", "critical", Opened, ackMinutes: 1, resolveMinutes: 2, author: "mallory");

        var (exit, output, errors) = await ReportAsync(Environment(), "--repo", "operate-first/incidents", "--from", "2026-11-23", "--bot", Bot);

        Assert.Equal((0, ""), (exit, errors));
        Assert.StartsWith("<!-- incident-report: 2026-11-23..2026-11-29 -->\n## Incident report: 2026-11-23 – 2026-11-29\n", output, StringComparison.Ordinal);
        Assert.Contains("(Europe/Berlin)", output, StringComparison.Ordinal);
        Assert.Contains("**3** incidents opened, **3** resolved", output, StringComparison.Ordinal);
        Assert.Contains("| critical | 1 | 3m | 3m | 30m | 30m |", output, StringComparison.Ordinal);
        Assert.Contains("| warning | 2 | 10m | 20m | 1h | 2h |", output, StringComparison.Ordinal);
        Assert.Contains("| DiskFull | 2 |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Forged", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Old", output, StringComparison.Ordinal);
        Assert.Contains("| bob | 0 | 3h 30m |", output, StringComparison.Ordinal);
        Assert.All(_github.Requests, request => Assert.Equal($"token {Token}", request.Authorization, ignoreCase: true));
        Assert.Contains(_github.Requests, request => request.Path.StartsWith("/repos/operate-first/incidents/issues", StringComparison.Ordinal) && Uri.UnescapeDataString(request.Query).Contains("since=2026-11-22T23:00:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_bot_the_tokens_user_is_the_app_and_days_set_the_range()
    {
        Seed("ApiDown", "critical", Opened, ackMinutes: 3, resolveMinutes: 30, author: "alice");

        var (exit, output, _) = await ReportAsync(Environment(), "--repo", "operate-first/incidents", "--from", "2026-11-24", "--days", "1");

        Assert.Equal(0, exit);
        Assert.StartsWith("<!-- incident-report: 2026-11-24..2026-11-24 -->\n## Incident report: 2026-11-24\n", output, StringComparison.Ordinal);
        Assert.Contains("**1** incident opened", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_open_all_along_and_untouched_in_the_range_counts()
    {
        // The issue was last updated before the range: only the open list finds it, not GitHub's since.
        await _github.DisposeAsync();
        _github = await FakeGitHubServer.StartAsync(new FakeTimeProvider(Opened.AddDays(-10)));
        _github.AddRepositoryToken("operate-first", Token, author: "alice");
        Repo.SetFile(".github/incidents.yml", Schedules.Weekly);
        var state = new IncidentState
        {
            Key = "QueueStuck",
            Status = "firing",
            Firing = ["QueueStuck"],
            Severity = "warning",
            StartedAt = Opened.AddDays(-10),
            GroupLabels = new Dictionary<string, string> { ["alertname"] = "QueueStuck" },
        };
        Repo.AddIssue("QueueStuck is firing", IssueBody.Section("An incident.", state), ["incident", "severity/warning"], author: Bot);

        var (exit, output, errors) = await ReportAsync(Environment(), "--repo", "operate-first/incidents", "--from", "2026-11-23", "--bot", Bot);

        Assert.Equal((0, ""), (exit, errors));
        Assert.Contains("| QueueStuck | 7d |", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--from", "2026-11-23" }, "error: give the repository with --repo owner/name")]
    [InlineData(new[] { "--repo", "operate-first", "--from", "2026-11-23" }, "error: --repo names no repository: 'operate-first' is not owner/name")]
    [InlineData(new[] { "--repo", "operate-first/incidents" }, "error: give the first day with --from, such as --from 2026-11-23")]
    [InlineData(new[] { "--repo", "operate-first/incidents", "--from", "23.11.2026" }, "error: --from '23.11.2026' is not a date such as 2026-11-23")]
    [InlineData(new[] { "--repo", "operate-first/incidents", "--from", "2026-11-23", "--days", "91" }, "error: --days '91' is not a whole number from 1 to 90")]
    [InlineData(new[] { "--repo", "operate-first/incidents", "--from", "2026-11-23", "--bot", "a b" }, "error: --bot 'a b' is not a GitHub login")]
    public async Task Bad_usage_says_what_is_wrong(string[] args, string message)
    {
        var (exit, output, errors) = await ReportAsync(Environment(), args);

        Assert.Equal((2, ""), (exit, output));
        Assert.StartsWith(message + "\n", errors, StringComparison.Ordinal);
        Assert.Contains("usage: report --repo owner/name --from DATE", errors, StringComparison.Ordinal);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task A_missing_or_refused_token_says_so()
    {
        var (exit, _, errors) = await ReportAsync(Environment(token: null), "--repo", "operate-first/incidents", "--from", "2026-11-23");
        Assert.Equal(2, exit);
        Assert.StartsWith("error: GITHUB_TOKEN is not set: set it to a token that can read operate-first/incidents's issues and contents", errors, StringComparison.Ordinal);

        (exit, _, errors) = await ReportAsync(Environment(token: "ghp_wrong"), "--repo", "operate-first/incidents", "--from", "2026-11-23", "--bot", Bot);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: reading operate-first/incidents from GitHub (", errors, StringComparison.Ordinal);
        Assert.Contains("check that GITHUB_TOKEN can read its issues and contents", errors, StringComparison.Ordinal);
    }
}
