namespace GitHubIncidentApp.Core.Reports;

/// <summary>
/// What a report says about a period, computed from its <see cref="ReportInput"/>: counts and timings of the incidents opened
/// in it, and the load of those that fired during it (opened before, or still firing at its end, counted for their part in it).
/// </summary>
public sealed record ReportFigures
{
    public required int Opened { get; init; }
    public required int Resolved { get; init; }

    /// <summary>Incidents opened in the period per severity, most severe first (levels without any left out).</summary>
    public required IReadOnlyList<(string Severity, int Incidents)> OpenedBySeverity { get; init; }

    /// <summary>Incidents opened on each day of the period.</summary>
    public required IReadOnlyList<(DateOnly Day, int Incidents)> OpenedPerDay { get; init; }

    public required IReadOnlyList<TimeFigures> BySeverity { get; init; }
    public required IReadOnlyList<TimeFigures> ByRoute { get; init; }

    /// <summary>Alert names by incidents opened in the period, most first.</summary>
    public required IReadOnlyList<(string Name, int Incidents)> NoisiestByIncidents { get; init; }

    /// <summary>Alert names by how long their incidents fired within the period, longest first.</summary>
    public required IReadOnlyList<(string Name, TimeSpan Firing)> NoisiestByFiring { get; init; }

    /// <summary>Incidents that flapped in the period, most flaps first.</summary>
    public required IReadOnlyList<(int Issue, string Name, int Flaps, bool Flapping)> Flapping { get; init; }

    public required IReadOnlyList<ReportStorm> Storms { get; init; }

    /// <summary>Escalation steps that fired in the period, by policy, most first.</summary>
    public required IReadOnlyList<(string Policy, int Steps)> EscalationSteps { get; init; }

    /// <summary>Per person: pages in the period and hours of incidents firing while they were on call, most loaded first.</summary>
    public required IReadOnlyList<PersonLoad> OnCall { get; init; }

    /// <summary>Nothing opened, resolved or stormed: no report is worth an issue.</summary>
    public bool IsQuiet => Opened == 0 && Resolved == 0 && Storms.Count == 0;

    public static ReportFigures Compute(ReportInput input, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var opened = input.Incidents.Where(i => In(i.StartedAt, period)).ToList();
        var active = input.Incidents.Where(i => FiringIn(i, period) > TimeSpan.Zero).ToList();
        return new ReportFigures
        {
            Opened = opened.Count,
            Resolved = input.Incidents.Count(i => i.ResolvedAt is { } at && In(at, period)),
            OpenedBySeverity = [.. BySeverityOrder(opened.GroupBy(i => i.Severity, StringComparer.OrdinalIgnoreCase), input.Severities).Select(g => (g.Key, g.Count()))],
            OpenedPerDay = [.. period.EachDay().Select(day => (day.Day, opened.Count(i => day.Start <= i.StartedAt && i.StartedAt < day.End)))],
            BySeverity = [.. BySeverityOrder(opened.GroupBy(i => i.Severity, StringComparer.OrdinalIgnoreCase), input.Severities).Select(TimeFigures.Of)],
            ByRoute = [.. opened.GroupBy(i => i.Route, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(TimeFigures.Of)],
            NoisiestByIncidents = [.. opened.GroupBy(i => i.Name, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())).OrderByDescending(n => n.Item2).ThenBy(n => n.Key, StringComparer.Ordinal)],
            NoisiestByFiring = [.. active.GroupBy(i => i.Name, StringComparer.Ordinal)
                .Select(g => (g.Key, Sum(g.Select(i => FiringIn(i, period))))).OrderByDescending(n => n.Item2).ThenBy(n => n.Key, StringComparer.Ordinal)],
            Flapping = [.. input.Incidents.Select(i => (i.Issue, i.Name, Flaps: i.Flaps.Count(at => In(at, period)), Flapping: i.FlappingSince is { } since && since < period.To))
                .Where(f => f.Flaps > 0).OrderByDescending(f => f.Flaps).ThenBy(f => f.Issue)],
            Storms = [.. input.Storms.Where(s => s.StartedAt < period.To && (s.ResolvedAt ?? DateTimeOffset.MaxValue) >= period.From).OrderBy(s => s.StartedAt)],
            EscalationSteps = [.. input.Incidents.SelectMany(i => i.Steps).Where(s => In(s.At, period)).GroupBy(s => s.Policy, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)],
            OnCall = OnCallLoad(input, active, period),
        };
    }

    private static bool In(DateTimeOffset at, ReportPeriod period) => period.From <= at && at < period.To;

    /// <summary>How long the incident fired within the period (up to its end while it still fires).</summary>
    private static TimeSpan FiringIn(ReportIncident incident, ReportPeriod period) =>
        Overlap(incident.StartedAt, incident.ResolvedAt ?? period.To, period.From, period.To);

    private static TimeSpan Overlap(DateTimeOffset from, DateTimeOffset to, DateTimeOffset otherFrom, DateTimeOffset otherTo)
    {
        var start = Later(from, otherFrom);
        var end = Earlier(to, otherTo);
        return end > start ? end - start : TimeSpan.Zero;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans) => spans.Aggregate(TimeSpan.Zero, (sum, span) => sum + span);

    private static IEnumerable<IGrouping<string, ReportIncident>> BySeverityOrder(IEnumerable<IGrouping<string, ReportIncident>> groups, IReadOnlyList<string> severities) =>
        groups.OrderBy(g => Rank(severities, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal);

    private static int Rank(IReadOnlyList<string> severities, string severity)
    {
        var index = severities.ToList().FindIndex(s => string.Equals(s, severity, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : int.MaxValue;
    }

    /// <summary>
    /// A person's shifts are merged first, so an incident firing while they hold two rotations counts once; the hours are
    /// summed over incidents, so two incidents firing at once count twice (that is the load).
    /// </summary>
    private static List<PersonLoad> OnCallLoad(ReportInput input, IReadOnlyList<ReportIncident> active, ReportPeriod period)
    {
        var pages = input.Incidents.SelectMany(i => i.Pages).Where(p => In(p.At, period)).ToList();
        var people = input.Shifts.Select(s => s.Person).Concat(pages.Select(p => p.Person)).Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. people.Select(person =>
        {
            var shifts = Merge(input.Shifts.Where(s => string.Equals(s.Person, person, StringComparison.OrdinalIgnoreCase)));
            var hours = Sum(active.SelectMany(i => shifts.Select(s => Overlap(Later(i.StartedAt, period.From), i.ResolvedAt ?? period.To, s.From, Earlier(s.To, period.To))))
                .Append(TimeSpan.Zero));
            return new PersonLoad(person, pages.Count(p => string.Equals(p.Person, person, StringComparison.OrdinalIgnoreCase)), hours);
        })
        .Where(load => load.Pages > 0 || load.OpenWhileOnCall > TimeSpan.Zero)
        .OrderByDescending(load => load.OpenWhileOnCall).ThenByDescending(load => load.Pages).ThenBy(load => load.Person, StringComparer.OrdinalIgnoreCase)];
    }

    private static List<(DateTimeOffset From, DateTimeOffset To)> Merge(IEnumerable<ReportShift> shifts)
    {
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var shift in shifts.OrderBy(s => s.From))
        {
            if (merged.Count > 0 && shift.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, shift.To > merged[^1].To ? shift.To : merged[^1].To);
            }
            else
            {
                merged.Add((shift.From, shift.To));
            }
        }

        return merged;
    }
}

/// <summary>Times to acknowledge and to resolve of one group of incidents (a severity, a route), median and p90.</summary>
public sealed record TimeFigures(string Group, int Incidents, TimeSpan? AckMedian, TimeSpan? AckP90, TimeSpan? ResolveMedian, TimeSpan? ResolveP90)
{
    public static TimeFigures Of(IGrouping<string, ReportIncident> group)
    {
        var acks = group.Where(i => i.AcknowledgedAt >= i.StartedAt).Select(i => i.AcknowledgedAt!.Value - i.StartedAt).ToList();
        var resolves = group.Where(i => i.ResolvedAt >= i.StartedAt).Select(i => i.ResolvedAt!.Value - i.StartedAt).ToList();
        return new TimeFigures(group.Key, group.Count(), Percentile.Median(acks), Percentile.P90(acks), Percentile.Median(resolves), Percentile.P90(resolves));
    }
}

/// <param name="OpenWhileOnCall">Summed over incidents: how long each fired while the person was on call.</param>
public sealed record PersonLoad(string Person, int Pages, TimeSpan OpenWhileOnCall);
