using System.Net;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>The adapter over real HTTP: GitHub's rate-limit answers reach the caller with the wait they ask for.</summary>
public sealed class OctokitGitHubPortRateLimitTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly NewIssue Issue = new() { Title = "HighLatency", Body = "body" };
    private GitHubHarness _gh = null!;

    public async Task InitializeAsync() => _gh = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    private DateTimeOffset Now => _gh.Time.GetUtcNow();

    [Fact]
    public async Task A_used_up_primary_limit_carries_its_reset()
    {
        var reset = Now.AddMinutes(20);
        FailIssueCreation(FakeFault.PrimaryRateLimit(reset));

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.CreateIssueAsync(GitHubHarness.Repo, Issue, None));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal(new GitHubRateLimit { Kind = GitHubRateLimitKind.Primary, ResetsAt = reset }, e.RateLimit);
        Assert.Equal(TimeSpan.FromMinutes(20), GitHubFailures.RetryAfter(e, Now));
        Assert.Empty(_gh.FakeRepo.Issues);
    }

    [Fact]
    public async Task A_primary_limit_answered_with_429_carries_its_reset_too()
    {
        FailIssueCreation(FakeFault.PrimaryRateLimit(Now.AddMinutes(3), statusCode: 429));

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.CreateIssueAsync(GitHubHarness.Repo, Issue, None));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(GitHubRateLimitKind.Primary, e.RateLimit?.Kind);
        Assert.Equal(TimeSpan.FromMinutes(3), GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public async Task A_secondary_limit_carries_Retry_After()
    {
        FailIssueCreation(FakeFault.SecondaryRateLimit(retryAfterSeconds: 90));

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.CreateIssueAsync(GitHubHarness.Repo, Issue, None));

        Assert.Equal(new GitHubRateLimit { Kind = GitHubRateLimitKind.Secondary, RetryAfter = TimeSpan.FromSeconds(90) }, e.RateLimit);
        Assert.Equal(TimeSpan.FromSeconds(90), GitHubFailures.RetryAfter(e, Now));
        Assert.Contains("You have exceeded a secondary rate limit", e.Message, StringComparison.Ordinal);
        Assert.Contains("GitHub asked to wait 90s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secondary_limit_without_Retry_After_waits_a_minute()
    {
        FailIssueCreation(FakeFault.SecondaryRateLimit());

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.CreateIssueAsync(GitHubHarness.Repo, Issue, None));

        Assert.Equal(GitHubRateLimitKind.Secondary, e.RateLimit?.Kind);
        Assert.Null(e.RateLimit?.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public async Task A_429_is_a_secondary_limit_though_Octokit_maps_it_to_no_rate_limit_exception()
    {
        FailIssueCreation(FakeFault.SecondaryRateLimit(retryAfterSeconds: 2, statusCode: 429));

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.CreateIssueAsync(GitHubHarness.Repo, Issue, None));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(new GitHubRateLimit { Kind = GitHubRateLimitKind.Secondary, RetryAfter = TimeSpan.FromSeconds(2) }, e.RateLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public async Task A_bare_failure_from_FailWith_is_no_rate_limit()
    {
        _gh.Server.FailWith = r => r.Method == "POST" && r.Path == "/repos/acme/api/issues" ? 403 : null;

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.CreateIssueAsync(GitHubHarness.Repo, Issue, None));

        Assert.Null(e.RateLimit);
        Assert.Null(GitHubFailures.RetryAfter(e, Now));
        Assert.Contains("lacks a permission", e.Message, StringComparison.Ordinal);
    }

    private void FailIssueCreation(FakeFault fault) =>
        _gh.Server.FaultWith = r => r.Method == "POST" && r.Path == "/repos/acme/api/issues" ? fault : null;
}
