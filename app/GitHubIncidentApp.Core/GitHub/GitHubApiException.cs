using System.Globalization;
using System.Net;
using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A GitHub REST call failed; the message says which call, what GitHub answered, and what to check.</summary>
public sealed class GitHubApiException : Exception
{
    public GitHubApiException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The rate limit that refused the call, with when to come back; null for other failures.</summary>
    public GitHubRateLimit? RateLimit { get; init; }

    /// <summary>Wraps an Octokit failure of <paramref name="request"/> (<c>METHOD /path</c>) with what to check.</summary>
    internal static GitHubApiException From(string request, ApiException e)
    {
        var rateLimit = GitHubRateLimit.From(e);
        var details = e.ApiError?.Errors is { Count: > 0 } errors
            ? " (" + string.Join("; ", errors.Select(d => d.Message ?? $"{d.Resource}.{d.Field}: {d.Code}")) + ")"
            : "";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{request} failed with {(int)e.StatusCode} {e.StatusCode}: {e.ApiError?.Message ?? e.Message}{details}. {Hint(e.StatusCode, rateLimit)}");
        return new GitHubApiException(message.TrimEnd(), e.StatusCode, e) { RateLimit = rateLimit };
    }

    private static string Hint(HttpStatusCode statusCode, GitHubRateLimit? rateLimit) => rateLimit switch
    {
        { Kind: GitHubRateLimitKind.Primary, ResetsAt: { } reset } => string.Create(
            CultureInfo.InvariantCulture, $"GitHub's primary rate limit for this installation is used up until {reset:u}; calls wait until then."),
        { Kind: GitHubRateLimitKind.Primary } => "GitHub's primary rate limit for this installation is used up and GitHub named no reset time; calls wait at least a minute.",
        { RetryAfter: { } wait } => string.Create(
            CultureInfo.InvariantCulture, $"GitHub's secondary rate limit was hit (too many requests at once or content created too fast); GitHub asked to wait {wait.TotalSeconds:F0}s."),
        not null => "GitHub's secondary rate limit was hit (too many requests at once or content created too fast); calls wait at least a minute.",
        null => statusCode switch
        {
            HttpStatusCode.Unauthorized =>
                "GitHub refused the credentials: check that APP_ID and PRIVATE_KEY belong to the same GitHub App and that this machine's clock is right (with a token: that it has not expired or been revoked).",
            HttpStatusCode.Forbidden =>
                "The GitHub App lacks a permission: give it 'Issues: Read and write' and 'Contents: Read-only', then accept the new permissions on each installation (with a token: give the token the same).",
            HttpStatusCode.NotFound =>
                "Check that the repository exists and that the GitHub App's installation has access to it (with a token: that the token may reach it).",
            >= HttpStatusCode.InternalServerError => "GitHub could not handle the request: try again later.",
            _ => "",
        },
    };
}
