using System.Globalization;
using System.Net;
using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>GitHub refused a call because of a rate limit; what its answer said about when to come back.</summary>
public sealed record GitHubRateLimit
{
    public required GitHubRateLimitKind Kind { get; init; }

    /// <summary>When the primary budget refills (<c>X-RateLimit-Reset</c>), if GitHub said.</summary>
    public DateTimeOffset? ResetsAt { get; init; }

    /// <summary>How long GitHub asked to wait (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Reads the limit from GitHub's answer; null when the failure is no rate limit. The headers decide, not
    /// Octokit's exception type: Octokit maps only 403 bodies to its rate-limit exceptions, a 429 arrives as a
    /// plain <see cref="ApiException"/>, and only <see cref="AbuseException"/> reads <c>Retry-After</c>.
    /// </summary>
    internal static GitHubRateLimit? From(ApiException e)
    {
        if (e.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        var headers = e.HttpResponse?.Headers;
        var retryAfter = (Seconds(Header(headers, "Retry-After")) ?? (e as AbuseException)?.RetryAfterSeconds) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;

        if (Header(headers, "X-RateLimit-Remaining") == "0" || e is RateLimitExceededException)
        {
            return new GitHubRateLimit
            {
                Kind = GitHubRateLimitKind.Primary,
                ResetsAt = Seconds(Header(headers, "X-RateLimit-Reset")) is { } reset ? DateTimeOffset.FromUnixTimeSeconds(reset) : null,
                RetryAfter = retryAfter,
            };
        }

        var secondary = e.StatusCode == HttpStatusCode.TooManyRequests
            || e is SecondaryRateLimitExceededException or AbuseException
            || (e.ApiError?.Message ?? e.Message).Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase);
        return secondary ? new GitHubRateLimit { Kind = GitHubRateLimitKind.Secondary, RetryAfter = retryAfter } : null;
    }

    // Octokit keeps header names as received; GitHub sends them in lower case.
    private static string? Header(IReadOnlyDictionary<string, string>? headers, string name) =>
        headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    private static long? Seconds(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
}
