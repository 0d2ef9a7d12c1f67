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

    /// <summary>Wraps an Octokit failure of <paramref name="request"/> (<c>METHOD /path</c>) with what to check.</summary>
    internal static GitHubApiException From(string request, ApiException e)
    {
        var details = e.ApiError?.Errors is { Count: > 0 } errors
            ? " (" + string.Join("; ", errors.Select(d => d.Message ?? $"{d.Resource}.{d.Field}: {d.Code}")) + ")"
            : "";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{request} failed with {(int)e.StatusCode} {e.StatusCode}: {e.ApiError?.Message ?? e.Message}{details}. {Hint(e)}");
        return new GitHubApiException(message.TrimEnd(), e.StatusCode, e);
    }

    private static string Hint(ApiException e) => e switch
    {
        RateLimitExceededException limit => string.Create(
            CultureInfo.InvariantCulture, $"The rate limit of {limit.Limit} requests per hour is used up until {limit.Reset:u}."),
        SecondaryRateLimitExceededException or AbuseException => "GitHub's secondary rate limit was hit: send fewer requests at once.",
        _ => e.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                "GitHub refused the credentials: check that APP_ID and PRIVATE_KEY belong to the same GitHub App and that this machine's clock is right.",
            HttpStatusCode.Forbidden =>
                "The GitHub App lacks a permission: give it 'Issues: Read and write' and 'Contents: Read-only', then accept the new permissions on each installation.",
            HttpStatusCode.NotFound =>
                "Check that the repository exists and that the GitHub App's installation has access to it.",
            HttpStatusCode.TooManyRequests => "GitHub is throttling requests: retry after its Retry-After delay.",
            >= HttpStatusCode.InternalServerError => "GitHub could not handle the request: try again later.",
            _ => "",
        },
    };
}
