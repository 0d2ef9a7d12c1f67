using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// The repository an Alertmanager URL names. The server removes dot segments before routing, so
/// <c>/api/alertmanager/own/..</c> would reach the route without a repository (the default one): the request
/// target as sent is checked first, and any dot segment or encoded slash is refused.
/// </summary>
public static class AlertmanagerUrl
{
    private const string Fix = "post to /api/alertmanager/{owner}/{repo} with the repository spelled out";

    /// <param name="target">The request target as sent.</param>
    /// <param name="owner">The owner the route read from the path; null when it names none.</param>
    /// <param name="name">The repository's name the route read from the path.</param>
    /// <param name="otherPath">A path below <c>/api/alertmanager</c> that the routes did not take as a repository.</param>
    /// <returns>The repository, none (no repository in the URL), or why the URL is refused.</returns>
    public static (RepoRef? Repo, string? Problem) Target(string target, string? owner, string? name, string? otherPath)
    {
        if (RawPathProblem(PathOf(target)) is { } problem)
        {
            return (null, problem);
        }

        if (otherPath is not null)
        {
            return (null, $"'/api/alertmanager/{NameText.Shown(otherPath)}' names no repository: {Fix}, or to /api/alertmanager");
        }

        if (owner is null || name is null)
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
