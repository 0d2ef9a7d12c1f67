using System.Globalization;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>An error answer the fake server gives instead of handling a request, in GitHub's shape: status, headers and a JSON message.</summary>
public sealed record FakeFault
{
    public required int StatusCode { get; init; }
    public required string Message { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A bare failure with <paramref name="statusCode"/>, as <see cref="FakeGitHubServer.FailWith"/> answers.</summary>
    public static FakeFault Status(int statusCode) =>
        new() { StatusCode = statusCode, Message = $"Injected failure {statusCode}" };

    /// <summary>
    /// GitHub's answer when an installation's hourly budget is used up: <c>x-ratelimit-remaining: 0</c> and the
    /// reset in epoch seconds, on a 403 (whose message Octokit recognises) or a 429.
    /// </summary>
    public static FakeFault PrimaryRateLimit(DateTimeOffset resetsAt, int statusCode = 403) => new()
    {
        StatusCode = statusCode,
        Message = "API rate limit exceeded for installation ID 1001. If you reach out to GitHub Support for help, please include the request ID.",
        Headers = new Dictionary<string, string>
        {
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-used"] = "5000",
            ["x-ratelimit-reset"] = resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["x-ratelimit-resource"] = "core",
        },
    };

    /// <summary>
    /// GitHub's answer to too many requests at once or content created too fast: budget left, a message about a
    /// secondary rate limit, and <c>retry-after</c> only when <paramref name="retryAfterSeconds"/> is given.
    /// </summary>
    public static FakeFault SecondaryRateLimit(int? retryAfterSeconds = null, int statusCode = 403)
    {
        var headers = new Dictionary<string, string>
        {
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "4980",
            ["x-ratelimit-used"] = "20",
            ["x-ratelimit-resource"] = "core",
        };
        if (retryAfterSeconds is { } seconds)
        {
            headers["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return new FakeFault
        {
            StatusCode = statusCode,
            Message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
            Headers = headers,
        };
    }
}
