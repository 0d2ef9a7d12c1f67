using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>
/// Plans the Alertmanager silences of one repository's maintenance windows. Pure: the same windows, time and
/// existing silences give the same plan, so any replica may run it at any time, as often as it likes.
/// </summary>
public static class MaintenancePlanner
{
    /// <summary>How far ahead silences are created: far enough that they show in Alertmanager before the work starts.</summary>
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(7);

    /// <summary>
    /// A silence for every occurrence that has not ended and starts within <paramref name="horizon"/>, unless one
    /// with its tag exists in any state: a silence a person expired early or edited stays as they left it. A tagged
    /// silence of a window no longer in the config is expired while it is pending; one under way runs its course.
    /// </summary>
    public static MaintenancePlan Plan(
        RepoRef repo, IReadOnlyList<MaintenanceWindow> windows, IReadOnlyList<ExistingSilence> existing, DateTimeOffset now, TimeSpan horizon)
    {
        var tagged = existing
            .Select(silence => (Silence: silence, Tag: MaintenanceTag.Find(silence.Comment)))
            .Where(s => s.Tag?.IsOf(repo) == true)
            .ToList();
        var known = tagged.Select(s => s.Tag!).ToHashSet();

        var create = windows
            .SelectMany(window => window.Occurrences(now, now + horizon))
            .Where(occurrence => !known.Contains(MaintenanceTag.Of(repo, occurrence)))
            .OrderBy(occurrence => occurrence.Start)
            .Select(occurrence => Silence(repo, occurrence, now))
            .ToList();

        var current = windows.Select(window => window.Id).ToHashSet(StringComparer.Ordinal);
        var expire = tagged
            .Where(s => !current.Contains(s.Tag!.Window) && s.Silence.StartsAt > now && s.Silence.EndsAt > now)
            .Select(s => s.Silence.Id)
            .ToList();
        return new MaintenancePlan(create, expire);
    }

    /// <summary>An occurrence already under way is silenced from now (Alertmanager would move a past start to now anyway).</summary>
    private static PlannedSilence Silence(RepoRef repo, MaintenanceOccurrence occurrence, DateTimeOffset now) => new(
        occurrence.Window.Matchers,
        occurrence.Start > now ? occurrence.Start : now,
        occurrence.End,
        $"incident-app ({repo})",
        $"Maintenance window {occurrence.Window.Schedule} of {repo}, from its incidents.yml. {MaintenanceTag.Of(repo, occurrence)}");
}
