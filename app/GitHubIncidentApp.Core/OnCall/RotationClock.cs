namespace GitHubIncidentApp.Core.OnCall;

/// <summary>The definition of a <see cref="Rotation"/> evaluated at instants: shift boundaries, restriction windows, its end.</summary>
internal static class RotationClock
{
    /// <summary>Start of shift <paramref name="index"/>: local <c>Start + index * Shift</c> as an instant.</summary>
    public static DateTimeOffset Boundary(Rotation rotation, long index) =>
        ZoneTime.ToInstant(rotation.Start.AddTicks(index * rotation.Shift.Ticks), rotation.TimeZone);

    /// <summary>The shift running at an instant; negative before the first.</summary>
    public static long ShiftIndex(Rotation rotation, DateTimeOffset at)
    {
        // Local time gives the index to within one shift; the boundaries, as instants, settle it.
        var elapsed = (ZoneTime.ToLocal(at, rotation.TimeZone) - rotation.Start).Ticks;
        var index = elapsed >= 0 ? elapsed / rotation.Shift.Ticks : ((elapsed + 1) / rotation.Shift.Ticks) - 1;
        while (Boundary(rotation, index + 1) <= at)
        {
            index++;
        }

        while (Boundary(rotation, index) > at)
        {
            index--;
        }

        return index;
    }

    public static IReadOnlyList<string> Group(Rotation rotation, long index) =>
        rotation.Members[(int)(index % rotation.Members.Count)];

    public static DateTimeOffset? End(Rotation rotation) =>
        rotation.Until is { } until ? ZoneTime.ToInstant(until, rotation.TimeZone) : null;

    /// <summary>Whether the rotation's regular shifts are on call: after its start, before its end, inside a restriction.</summary>
    public static bool IsActive(Rotation rotation, DateTimeOffset at) =>
        at >= Boundary(rotation, 0)
        && (End(rotation) is not { } end || at < end)
        && (rotation.Restrictions.Count == 0
            || Windows(rotation, ZoneTime.ToLocal(at, rotation.TimeZone).Date.AddDays(-1), 2).Any(window => window.Start <= at && at < window.End));

    /// <summary>The restriction windows that open on <paramref name="days"/> local days from <paramref name="firstDay"/>.</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Windows(Rotation rotation, DateTime firstDay, int days)
    {
        for (var day = firstDay.Date; day < firstDay.Date.AddDays(days); day = day.AddDays(1))
        {
            foreach (var restriction in rotation.Restrictions.Where(restriction => restriction.Days.Contains(day.DayOfWeek)))
            {
                var end = restriction.To > restriction.From ? day + restriction.To : day.AddDays(1) + restriction.To;
                yield return (ZoneTime.ToInstant(day + restriction.From, rotation.TimeZone), ZoneTime.ToInstant(end, rotation.TimeZone));
            }
        }
    }
}
