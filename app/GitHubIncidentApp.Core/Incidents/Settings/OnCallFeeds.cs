using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>
/// Each repository's schedule as an iCalendar feed (and each person's part of it) over the next <see cref="Days"/>
/// days, from the repository's settings (its config and the overrides people took, read with its own installation),
/// made at most once per <see cref="Lifetime"/> per feed, so that calendars polling it cost neither GitHub calls nor work.
/// </summary>
public sealed class OnCallFeeds(RepoSettingsCache settings, TimeProvider time) : IDisposable
{
    public const int Days = 56;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Feeds kept at once; each a few kilobytes per week of shifts.</summary>
    public const int MaxFeeds = 1_000;

    private readonly KeyedAsyncCache<(RepoRef Repo, string Person), (string? Text, DateTimeOffset MadeAt)> _cache =
        new(time, MaxFeeds, entry => entry.MadeAt + Lifetime);

    /// <summary>The calendar text, or null when the repository's config has no on-call schedule.</summary>
    public async Task<string?> GetAsync(RepoRef repo, string? person, CancellationToken cancellationToken) =>
        (await _cache.GetAsync((repo, person?.ToLowerInvariant() ?? ""), key => MakeAsync(key.Repo, person, cancellationToken), cancellationToken)).Text;

    public void Dispose() => _cache.Dispose();

    private async Task<(string?, DateTimeOffset)> MakeAsync(RepoRef repo, string? person, CancellationToken cancellationToken)
    {
        var onCall = (await settings.GetAsync(repo, cancellationToken)).Config.OnCall;
        var now = time.GetUtcNow();
        if (onCall is null)
        {
            return (null, now);
        }

        var from = ZoneTime.StartOfDay(now, onCall.TimeZone);
        var shifts = ScheduleCalendar.Shifts(onCall, from, ZoneTime.AddDays(from, Days, onCall.TimeZone), person);
        return (ScheduleCalendar.Render(onCall, repo.ToString(), person, shifts, now), now);
    }
}
