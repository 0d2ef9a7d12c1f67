using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.GitHub;
using NSubstitute;
using Octokit;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>GitHub's rate-limit answers, as Octokit hands them over, and how long each asks the app to wait.</summary>
public sealed class GitHubRateLimitTests
{
    private const string SecondaryMessage = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_used_up_primary_limit_waits_until_its_reset()
    {
        var reset = Now.AddMinutes(25);
        var e = Fail(r => new RateLimitExceededException(r), HttpStatusCode.Forbidden, "API rate limit exceeded for installation ID 1001.",
            ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Epoch(reset)));

        Assert.Equal(TimeSpan.FromMinutes(25), GitHubFailures.RetryAfter(e, Now));
        Assert.Equal(new GitHubRateLimit { Kind = GitHubRateLimitKind.Primary, ResetsAt = reset }, e.RateLimit);
        Assert.Contains("primary rate limit for this installation is used up until 2026-03-01 12:25:00Z", e.Message, StringComparison.Ordinal);
        Assert.False(GitHubFailures.IsPermanent(e));
    }

    [Fact]
    public void A_429_with_no_budget_left_is_the_primary_limit_and_needs_no_extra_minute()
    {
        var e = Fail(r => new ApiException(r), HttpStatusCode.TooManyRequests, "API rate limit exceeded",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Epoch(Now.AddSeconds(10))));

        Assert.Equal(GitHubRateLimitKind.Primary, e.RateLimit?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public void A_reset_already_passed_adds_no_wait_to_the_usual_backoff()
    {
        var e = Fail(r => new RateLimitExceededException(r), HttpStatusCode.Forbidden, "API rate limit exceeded",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Epoch(Now.AddSeconds(-30))));

        Assert.Equal(TimeSpan.Zero, GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public void A_primary_limit_that_names_no_reset_waits_a_minute()
    {
        var e = Fail(r => new RateLimitExceededException(r), HttpStatusCode.Forbidden, "API rate limit exceeded for installation ID 1001.");

        Assert.Equal(new GitHubRateLimit { Kind = GitHubRateLimitKind.Primary }, e.RateLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), GitHubFailures.RetryAfter(e, Now));
        Assert.Contains("named no reset time; calls wait at least a minute", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_429_waits_as_long_as_Retry_After_says()
    {
        var e = Fail(r => new ApiException(r), HttpStatusCode.TooManyRequests, "Too many requests", ("Retry-After", "120"));

        Assert.Equal(TimeSpan.FromSeconds(120), GitHubFailures.RetryAfter(e, Now));
        Assert.Equal(new GitHubRateLimit { Kind = GitHubRateLimitKind.Secondary, RetryAfter = TimeSpan.FromSeconds(120) }, e.RateLimit);
        Assert.Contains("GitHub asked to wait 120s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secondary_limit_without_Retry_After_waits_a_minute()
    {
        var e = Fail(r => new SecondaryRateLimitExceededException(r), HttpStatusCode.Forbidden, SecondaryMessage, ("x-ratelimit-remaining", "4980"));

        Assert.Equal(GitHubFailures.SecondaryLimitMinimumWait, GitHubFailures.RetryAfter(e, Now));
        Assert.Equal(TimeSpan.FromMinutes(1), GitHubFailures.SecondaryLimitMinimumWait);
        Assert.Contains("secondary rate limit was hit", e.Message, StringComparison.Ordinal);
        Assert.Contains("calls wait at least a minute", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secondary_limit_asking_for_less_than_a_minute_still_waits_a_minute()
    {
        var e = Fail(r => new SecondaryRateLimitExceededException(r), HttpStatusCode.Forbidden, SecondaryMessage, ("retry-after", "5"));

        Assert.Equal(TimeSpan.FromSeconds(5), e.RateLimit?.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public void A_plain_403_naming_the_secondary_limit_is_recognised_by_its_message()
    {
        var e = Fail(r => new ForbiddenException(r), HttpStatusCode.Forbidden, SecondaryMessage, ("Retry-After", "90"));

        Assert.Equal(TimeSpan.FromSeconds(90), GitHubFailures.RetryAfter(e, Now));
    }

    [Fact]
    public void A_permission_403_is_no_rate_limit()
    {
        var e = Fail(r => new ForbiddenException(r), HttpStatusCode.Forbidden, "Resource not accessible by integration", ("x-ratelimit-remaining", "4999"));

        Assert.Null(e.RateLimit);
        Assert.Null(GitHubFailures.RetryAfter(e, Now));
        Assert.Contains("lacks a permission", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_error_is_no_rate_limit_and_not_permanent()
    {
        var e = Fail(r => new ApiException(r), HttpStatusCode.InternalServerError, "Server Error", ("Retry-After", "30"));

        Assert.Null(GitHubFailures.RetryAfter(e, Now));
        Assert.False(GitHubFailures.IsPermanent(e));
    }

    [Fact]
    public void A_404_is_no_rate_limit_and_permanent()
    {
        var e = Fail(r => new NotFoundException(r), HttpStatusCode.NotFound, "Not Found");

        Assert.Null(GitHubFailures.RetryAfter(e, Now));
        Assert.True(GitHubFailures.IsPermanent(e));
    }

    [Fact]
    public void Failures_that_are_not_GitHub_answers_are_no_rate_limit()
    {
        Assert.Null(GitHubFailures.RetryAfter(new HttpRequestException("connection refused"), Now));
        Assert.Null(GitHubFailures.RetryAfter(new TimeoutException(), Now));
    }

    private static GitHubApiException Fail(
        Func<IResponse, ApiException> octokitException, HttpStatusCode status, string message, params (string Name, string Value)[] headers)
    {
        var response = Substitute.For<IResponse>();
        response.StatusCode.Returns(status);
        response.Body.Returns(new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" }.ToJsonString());
        response.ContentType.Returns("application/json");
        var headerMap = headers.ToDictionary(h => h.Name, h => h.Value);
        response.Headers.Returns(headerMap);
        response.ApiInfo.Returns(new ApiInfo(new Dictionary<string, Uri>(), [], [], "", new RateLimit(headerMap)));
        return GitHubApiException.From("POST /repos/acme/api/issues", octokitException(response));
    }

    private static string Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
