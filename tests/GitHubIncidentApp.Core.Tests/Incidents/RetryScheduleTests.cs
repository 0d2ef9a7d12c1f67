using System.Net;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static GitHubApiException Api(HttpStatusCode status, GitHubRateLimit? limit = null) => new("call failed", status) { RateLimit = limit };

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    [InlineData(HttpStatusCode.Gone)]
    public void A_failure_retrying_cannot_fix_parks_the_delivery(HttpStatusCode status)
    {
        Assert.IsType<RetryPlan.Park>(RetrySchedule.After(Api(status), attempts: 1, Now, jitter: 0.5));
    }

    [Fact]
    public void A_delivery_that_cannot_be_read_is_parked_at_once()
    {
        Assert.IsType<RetryPlan.Park>(RetrySchedule.After(new InvalidDeliveryException("no repository"), attempts: 1, Now, jitter: 0.5));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 600)]
    [InlineData(40, 600)]
    public void Other_failures_back_off_doubling_up_to_ten_minutes(int attempts, double seconds)
    {
        var retry = Assert.IsType<RetryPlan.Retry>(RetrySchedule.After(new InvalidOperationException("boom"), attempts, Now, jitter: 0.5));

        Assert.Equal(TimeSpan.FromSeconds(seconds), retry.Delay);
        Assert.False(retry.RateLimited);
    }

    [Theory]
    [InlineData(0.0, 4)]
    [InlineData(0.999999, 6)]
    public void Jitter_spreads_a_backoff_within_twenty_percent(double jitter, double seconds)
    {
        var retry = Assert.IsType<RetryPlan.Retry>(RetrySchedule.After(new InvalidOperationException("boom"), attempts: 1, Now, jitter));

        Assert.Equal(seconds, retry.Delay.TotalSeconds, precision: 3);
    }

    [Fact]
    public void During_a_GitHub_outage_no_retry_waits_past_the_next_probe()
    {
        var retry = Assert.IsType<RetryPlan.Retry>(RetrySchedule.After(Api(HttpStatusCode.BadGateway), attempts: 6, Now, jitter: 0.5));

        Assert.Equal(GitHubHealth.MaxProbeInterval, retry.Delay);
    }

    [Fact]
    public void A_call_not_sent_while_GitHub_fails_waits_for_the_probe()
    {
        var probe = Now.AddSeconds(7);

        var wait = Assert.IsType<RetryPlan.WaitForGitHub>(RetrySchedule.After(new GitHubUnavailableException("POST /issues", Now, probe), attempts: 3, Now, jitter: 0.5));

        Assert.Equal(probe, wait.At);
    }

    [Fact]
    public void A_rate_limit_waits_until_its_reset_when_that_is_longer_than_the_backoff()
    {
        var limit = new GitHubRateLimit { Kind = GitHubRateLimitKind.Primary, ResetsAt = Now.AddMinutes(30) };

        var retry = Assert.IsType<RetryPlan.Retry>(RetrySchedule.After(Api(HttpStatusCode.Forbidden, limit), attempts: 1, Now, jitter: 0.5));

        Assert.Equal(TimeSpan.FromMinutes(30), retry.Delay);
        Assert.True(retry.RateLimited);
    }

    [Fact]
    public void A_limit_hit_again_and_again_keeps_the_longer_backoff()
    {
        var limit = new GitHubRateLimit { Kind = GitHubRateLimitKind.Secondary, RetryAfter = TimeSpan.FromSeconds(30) };

        var retry = Assert.IsType<RetryPlan.Retry>(RetrySchedule.After(Api(HttpStatusCode.TooManyRequests, limit), attempts: 7, Now, jitter: 0.5));

        Assert.Equal(TimeSpan.FromSeconds(320), retry.Delay);
        Assert.True(retry.RateLimited);
    }
}
