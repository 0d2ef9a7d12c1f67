using GitHubIncidentApp.Core.GitHub;
using Microsoft.AspNetCore.Http.Features;

namespace GitHubIncidentApp;

/// <summary>
/// The repository an Alertmanager URL names. The server removes dot segments before routing, so
/// <c>/api/alertmanager/own/..</c> would reach the route without a repository (the default one): the request
/// target as sent is checked first, and any dot segment or encoded slash is refused.
/// </summary>
public static class AlertmanagerUrl
{
    /// <summary>The route value that holds a path below <c>/api/alertmanager</c> that names no repository.</summary>
    public const string OtherPath = "otherPath";

    private const string Fix = "post to /api/alertmanager/{owner}/{repo} with the repository spelled out";

    /// <returns>The repository, none (no repository in the URL), or why the URL is refused.</returns>
    public static (RepoRef? Repo, string? Problem) Target(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "";
        if (RawPathProblem(PathOf(raw)) is { } problem)
        {
            return (null, problem);
        }

        if (http.GetRouteValue(OtherPath) is string other)
        {
            return (null, $"'/api/alertmanager/{NameText.Shown(other)}' names no repository: {Fix}, or to /api/alertmanager");
        }

        if (http.GetRouteValue("owner") is not string owner || http.GetRouteValue("repo") is not string name)
        {
            return (null, null);
        }

        var (repo, nameProblem) = RepoRef.Parse($"{owner}/{name}");
        return (repo, nameProblem is null ? null : $"the URL names no repository: {nameProblem}");
    }

    private static string? RawPathProblem(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment.Contains("%2F", StringComparison.OrdinalIgnoreCase) || segment.Contains("%5C", StringComparison.OrdinalIgnoreCase))
            {
                return $"the URL path '{NameText.Shown(path)}' has an encoded '/' or '\\' (%2F, %5C): {Fix}";
            }

            if (Uri.UnescapeDataString(segment) is "." or "..")
            {
                return $"the URL path '{NameText.Shown(path)}' has a '.' or '..' segment: {Fix}";
            }
        }

        return null;
    }

    /// <summary>The path of a request target, which may be in absolute form (<c>http://host/path</c>).</summary>
    private static string PathOf(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        var start = target.StartsWith('/') || scheme < 0 ? 0 : Math.Max(0, target.IndexOf('/', scheme + 3));
        var path = target[start..];
        var end = path.IndexOfAny(['?', '#']);
        return end < 0 ? path : path[..end];
    }
}
