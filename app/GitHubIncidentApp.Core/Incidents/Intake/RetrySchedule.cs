using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>What becomes of a delivery whose handling failed: parked for a person, or tried again at a time.</summary>
public abstract record RetryPlan
{
    /// <summary>Retrying cannot fix it (an uninstalled app, a repository gone, a payload that cannot be read).</summary>
    public sealed record Park : RetryPlan;

    /// <summary>Not sent because GitHub is failing: back when GitHub's probe next gets through, on no schedule of its own.</summary>
    public sealed record WaitForGitHub(DateTimeOffset At) : RetryPlan;

    /// <summary>Tried again after <paramref name="Delay"/>; <paramref name="RateLimited"/> when a GitHub limit set the wait.</summary>
    public sealed record Retry(TimeSpan Delay, bool RateLimited) : RetryPlan;
}

/// <summary>
/// The inbox's whole retry schedule, in one place: how long a claim holds, and when a failed delivery is tried
/// again. A failure GitHub may get over is retried for as long as it takes, with backoff; while GitHub itself is
/// failing, no later than its next probe; after a rate limit, no sooner than the limit allows.
/// </summary>
public static class RetrySchedule
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim holds without renewal; while a delivery is handled it is renewed every third of that.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The plan after the <paramref name="attempts"/>-th attempt failed with <paramref name="failure"/>.</summary>
    /// <param name="jitter">In [0, 1): where in the ±20 % band the backoff falls, so retries of many deliveries spread out.</param>
    public static RetryPlan After(Exception failure, int attempts, DateTimeOffset now, double jitter)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (GitHubFailures.IsPermanent(failure) || failure is InvalidDeliveryException)
        {
            return new RetryPlan.Park();
        }

        if (failure is GitHubUnavailableException unavailable)
        {
            return new RetryPlan.WaitForGitHub(unavailable.RetryAt);
        }

        var delay = Backoff(attempts, jitter);
        if (GitHubFailures.IsOutage(failure) && delay > GitHubHealth.MaxProbeInterval)
        {
            // GitHub's own failure: its probe decides when calls go out again, so this delivery is back by then.
            delay = GitHubHealth.MaxProbeInterval;
        }

        // The usual backoff still applies when longer: a limit hit again and again is tried less and less often.
        return GitHubFailures.RetryAfter(failure, now) is { } wait
            ? new RetryPlan.Retry(wait > delay ? wait : delay, RateLimited: true)
            : new RetryPlan.Retry(delay, RateLimited: false);
    }

    /// <summary>5 s, 10 s, 20 s ... up to 10 minutes, each within ±20 %.</summary>
    private static TimeSpan Backoff(int attempts, double jitter)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Math.Clamp(jitter, 0, 1) * 0.4)));
    }
}
