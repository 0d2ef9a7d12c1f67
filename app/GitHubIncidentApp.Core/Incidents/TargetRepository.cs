using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// Which repository a delivery's incident belongs in: the URL's, else the alerts' <c>repo</c>
/// label (<c>owner/name</c>, or a bare name under the URL's or default owner), else the default.
/// </summary>
public static class TargetRepository
{
    public const string RepoLabel = "repo";

    /// <returns>The repository, or the reason there is none, written for the person who configures Alertmanager.</returns>
    public static (RepoRef? Repo, string? Problem) Resolve(AlertmanagerPayload payload, RepoRef? fromUrl, RepoRef? defaultRepo)
    {
        if (fromUrl is not null)
        {
            return (fromUrl, null);
        }

        var named = payload.Alerts
            .Select(a => a.Labels.GetValueOrDefault(RepoLabel))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (named.Count > 1)
        {
            return (null, $"the alerts of this group name different repositories in their '{RepoLabel}' label ({string.Join(", ", named)}); add '{RepoLabel}' to the route's group_by so each group has one");
        }

        if (named.Count == 1)
        {
            return RepoRef.TryParse(named[0], out var labelled, defaultRepo?.Owner)
                ? (labelled, null)
                : (null, $"the '{RepoLabel}' label \"{named[0]}\" is not a repository: use owner/name{(defaultRepo is null ? " (a bare name needs DEFAULT_REPO or an owner in the URL)" : " or a bare name")}");
        }

        return defaultRepo is not null
            ? (defaultRepo, null)
            : (null, $"no target repository: post to /api/alertmanager/{{owner}}/{{repo}}, give the alerts a '{RepoLabel}' label, or set DEFAULT_REPO");
    }
}
