using System.Net;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>Tells GitHub failures that retrying cannot fix from those it may, and how long a rate limit asks to wait.</summary>
public static class GitHubFailures
{
    /// <summary>GitHub's advice after a secondary rate limit, or a limit that names no time: wait at least a minute.</summary>
    public static readonly TimeSpan SecondaryLimitMinimumWait = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An uninstalled app, 404 (repository gone) and 422 (invalid label, body too long) stay the same
    /// on every retry; 5xx, timeouts, rate limits and connection errors pass.
    /// </summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        GitHubAppNotInstalledException => true,
        GitHubApiException api => api.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Gone,
        _ => false,
    };

    /// <summary>
    /// A 5xx (not a rate limit), a timeout or a lost connection says GitHub as a whole is failing, not this call;
    /// so does a call not sent because of that (<see cref="GitHubUnavailableException"/>).
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        GitHubUnavailableException or HttpRequestException or TimeoutException or TaskCanceledException => true,
        GitHubApiException api => api.RateLimit is null && (int)api.StatusCode >= 500,
        _ => false,
    };

    /// <summary>
    /// How long to wait before calling GitHub again after <paramref name="exception"/>; null when it is no rate
    /// limit (the caller's usual backoff applies). A primary limit waits until its reset; a secondary one as long
    /// as <c>Retry-After</c> says and at least <see cref="SecondaryLimitMinimumWait"/>.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now)
    {
        if (exception is not GitHubApiException { RateLimit: { } limit })
        {
            return null;
        }

        var untilReset = limit.ResetsAt is { } reset ? reset - now : TimeSpan.Zero;
        var told = limit.RetryAfter ?? TimeSpan.Zero;
        var minimum = limit.Kind == GitHubRateLimitKind.Secondary || limit is { ResetsAt: null, RetryAfter: null }
            ? SecondaryLimitMinimumWait
            : TimeSpan.Zero;
        return new[] { untilReset, told, minimum }.Max();
    }
}
