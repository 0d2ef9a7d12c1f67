using System.Net;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>Tells GitHub failures that retrying cannot fix from those it may.</summary>
public static class GitHubFailures
{
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
}
