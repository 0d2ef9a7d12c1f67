using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Which repository a delivery's incident belongs in: the URL's, else the alerts' <c>repo</c>
/// label (<c>owner/name</c>, or a bare name under the URL's or default owner), else the default.
/// </summary>
public static class TargetRepository
{
    public const string RepoLabel = "repo";

    /// <returns>
    /// The repository, or the reason there is none, written for the person who configures Alertmanager;
    /// <c>BadName</c> when the label names one against GitHub's naming rules.
    /// </returns>
    public static (RepoRef? Repo, string? Problem, bool BadName) Resolve(AlertmanagerPayload payload, RepoRef? fromUrl, RepoRef? defaultRepo)
    {
        if (fromUrl is not null)
        {
            return (fromUrl, null, false);
        }

        var named = payload.Alerts
            .Select(a => a.Labels.GetValueOrDefault(RepoLabel))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (named.Count > 1)
        {
            return (null, $"the alerts of this group name different repositories in their '{RepoLabel}' label ({string.Join(", ", named.Select(NameText.Shown))}); add '{RepoLabel}' to the route's group_by so each group has one", false);
        }

        if (named.Count == 1)
        {
            var (labelled, problem) = RepoRef.Parse(named[0], defaultRepo?.Owner);
            return labelled is not null
                ? (labelled, null, false)
                : (null, $"the '{RepoLabel}' label is not a repository: {problem}; use owner/name{(defaultRepo is null ? " (a bare name needs DEFAULT_REPO)" : " or a bare name")}", true);
        }

        return defaultRepo is not null
            ? (defaultRepo, null, false)
            : (null, $"no target repository: post to /api/alertmanager/{{owner}}/{{repo}}, give the alerts a '{RepoLabel}' label, or set DEFAULT_REPO", false);
    }
}
