using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>Which alerts a repository's maintenance windows may silence in Alertmanager (the App's <c>MAINTENANCE_SILENCE_SCOPE</c>).</summary>
public enum MaintenanceSilenceScope
{
    /// <summary><c>repo-label</c>: only alerts whose <c>repo</c> label names the repository.</summary>
    RepoLabel,

    /// <summary><c>all</c>: whatever the window's matchers select (one team per Alertmanager).</summary>
    All,

    /// <summary><c>off</c>: no silences; windows still label incidents and hold escalation.</summary>
    Off,
}

/// <summary>
/// Binds a repository's planned maintenance silences to what it may silence. A repository's config is written by its
/// own people while one Alertmanager may serve many repositories, so under <see cref="MaintenanceSilenceScope.RepoLabel"/>
/// every silence also requires the alert's <c>repo</c> label to name the repository, as <c>Incidents.Decisions.TargetRepository</c>
/// reads it: <c>owner/name</c>, or a bare name when the owner is <paramref name="DefaultOwner"/> (DEFAULT_REPO's).
/// </summary>
public sealed record MaintenanceScope(MaintenanceSilenceScope Scope, string? DefaultOwner = null)
{
    public const string RepoLabel = "repo";

    private static readonly string[] NameList = ["repo-label", "all", "off"];

    /// <summary>The names the setting takes, in the order of <see cref="MaintenanceSilenceScope"/>.</summary>
    public static IReadOnlyList<string> Names => NameList;

    /// <summary>Whether any silence is made.</summary>
    public bool CreatesSilences => Scope != MaintenanceSilenceScope.Off;

    public static string Name(MaintenanceSilenceScope scope) => Names[(int)scope];

    /// <summary>The scope a setting names (blank: <see cref="MaintenanceSilenceScope.RepoLabel"/>); null when it names none.</summary>
    public static MaintenanceSilenceScope? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? MaintenanceSilenceScope.RepoLabel
        : Array.IndexOf(NameList, text.Trim().ToLowerInvariant()) is var index and >= 0 ? (MaintenanceSilenceScope)index
        : null;

    /// <summary>What every silence of <paramref name="repo"/> requires besides its window's matchers.</summary>
    public IReadOnlyList<Matcher> MatchersFor(RepoRef repo)
    {
        if (Scope != MaintenanceSilenceScope.RepoLabel)
        {
            return [];
        }

        // Case-insensitive as GitHub's names; a bare name only under the owner the app reads bare names as.
        var bare = string.Equals(repo.Owner, DefaultOwner, StringComparison.OrdinalIgnoreCase);
        var pattern = $"(?i){(bare ? $"(?:{Regex.Escape(repo.Owner)}/)?" : $"{Regex.Escape(repo.Owner)}/")}{Regex.Escape(repo.Name)}";
        return [Matcher.Create(RepoLabel, MatchOperator.Regex, pattern).Value!];
    }

    /// <summary>The silence to create for <paramref name="planned"/>, bound to <paramref name="repo"/>.</summary>
    public SilenceRequest Request(RepoRef repo, PlannedSilence planned) => new()
    {
        Matchers = [.. planned.Matchers.Matchers, .. MatchersFor(repo)],
        StartsAt = planned.StartsAt,
        EndsAt = planned.EndsAt,
        CreatedBy = planned.CreatedBy,
        Comment = planned.Comment,
    };
}
