using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// What a repository's status page shows at <see cref="At"/>: its open incidents, most severe (then oldest) first; who is on
/// call and each rotation's next hand-offs (null without a schedule); and how many incidents of each severity opened on each
/// of the last <see cref="Days"/> days, days as the schedule's time zone counts them (UTC without one).
/// </summary>
/// <param name="Severities">The config's levels, most severe first: the order of each day's counts.</param>
public sealed record StatusPage(
    string Repo,
    DateTimeOffset At,
    TimeZoneInfo Zone,
    IReadOnlyList<string> Severities,
    IReadOnlyList<StatusIncident> Open,
    StatusOnCall? OnCall,
    IReadOnlyList<StatusDay> Timeline)
{
    public const int Days = 30;

    /// <summary>The page of <paramref name="repo"/> from its trusted incidents: its open ones and those opened in the last <see cref="Days"/> days.</summary>
    public static StatusPage Build(string repo, IncidentConfig config, IEnumerable<(IssueSnapshot Issue, IncidentState State)> incidents, DateTimeOffset now)
    {
        var zone = ZoneOf(config);
        var levels = config.Severity.Levels.Select(level => level.Name).ToList();
        var all = incidents.DistinctBy(incident => incident.Issue.Number).ToList();
        var open = all
            .Where(incident => incident.Issue.IsOpen)
            .Select(incident => new StatusIncident(
                incident.Issue.Number, incident.Issue.Title, incident.Issue.HtmlUrl, incident.State.Severity, Rank(levels, incident.State.Severity),
                incident.State.StartedAt, now - incident.State.StartedAt, incident.State.Acknowledged?.By))
            .OrderBy(incident => incident.Rank)
            .ThenBy(incident => incident.StartedAt)
            .ToList();
        return new StatusPage(repo, now, zone, levels, open, config.OnCall is { } onCall ? OnCallOf(onCall, now) : null, TimelineOf(all, levels, zone, now));
    }

    /// <summary>The start of the timeline's first day: incidents updated since then are all the timeline needs, besides the open ones.</summary>
    public static DateTimeOffset Since(IncidentConfig config, DateTimeOffset now)
    {
        var zone = ZoneOf(config);
        return ZoneTime.AddDays(ZoneTime.StartOfDay(now, zone), 1 - Days, zone);
    }

    private static TimeZoneInfo ZoneOf(IncidentConfig config) => config.OnCall?.TimeZone ?? TimeZoneInfo.Utc;

    /// <summary>Where a severity stands among the levels; one the config no longer names sorts (and counts) with the least severe.</summary>
    private static int Rank(List<string> levels, string severity) =>
        levels.IndexOf(severity) is >= 0 and var index ? index : Math.Max(levels.Count - 1, 0);

    private static StatusOnCall OnCallOf(OnCallConfig config, DateTimeOffset now) => new(
        [.. OnCallResolver.WhoIsOnCall(config, now).Entries.Select(entry => entry.Who)],
        [.. OnCallSummary.NextHandoffs(config, now).Select(rotation => new StatusRotation(
            rotation.Rotation,
            OnCallResolver.RotationAt(config, rotation.Rotation, now).People,
            [.. rotation.Handoffs.Select(segment => new StatusHandoff(segment.Start, OnCallSummary.Local(segment.Start, config.TimeZone), segment.Occupant.People))]))]);

    private static IReadOnlyList<StatusDay> TimelineOf(
        IReadOnlyList<(IssueSnapshot Issue, IncidentState State)> incidents, List<string> levels, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(ZoneTime.ToLocal(now, zone));
        var counts = incidents
            .GroupBy(incident => DateOnly.FromDateTime(ZoneTime.ToLocal(incident.State.StartedAt, zone)))
            .ToDictionary(day => day.Key, day => day.CountBy(incident => Rank(levels, incident.State.Severity)).ToDictionary());
        return [.. Enumerable.Range(0, Days).Reverse().Select(back => today.AddDays(-back)).Select(day => new StatusDay(
            day,
            [.. Enumerable.Range(0, levels.Count).Select(rank => counts.GetValueOrDefault(day)?.GetValueOrDefault(rank) ?? 0)]))];
    }
}

/// <param name="Rank">Where its severity stands among the levels, 0 the most severe.</param>
/// <param name="AcknowledgedBy">Who took it with <c>/ack</c>; null while nobody has.</param>
public sealed record StatusIncident(int Number, string Title, string Url, string Severity, int Rank, DateTimeOffset StartedAt, TimeSpan Age, string? AcknowledgedBy);

/// <param name="Now">Who is on call now: people, and teams as <c>org/team</c>.</param>
public sealed record StatusOnCall(IReadOnlyList<string> Now, IReadOnlyList<StatusRotation> Rotations);

/// <param name="Holders">Who holds the rotation now; empty for nobody.</param>
public sealed record StatusRotation(string Name, IReadOnlyList<string> Holders, IReadOnlyList<StatusHandoff> Next);

/// <param name="Local">When, as the schedule's people read it.</param>
/// <param name="People">Who takes over; empty for nobody.</param>
public sealed record StatusHandoff(DateTimeOffset At, string Local, IReadOnlyList<string> People);

/// <param name="Counts">Incidents opened that day, per severity level, most severe first.</param>
public sealed record StatusDay(DateOnly Date, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}
