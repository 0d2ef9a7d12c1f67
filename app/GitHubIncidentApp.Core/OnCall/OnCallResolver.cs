namespace GitHubIncidentApp.Core.OnCall;

/// <summary>
/// Who is on call, computed from the schedule and an instant only (never the clock), so the App,
/// the Action and the command-line tools agree and every answer can be tested.
/// </summary>
/// <remarks>
/// Each rotation is held by its latest override covering the instant, else by its current shift's
/// group while it is active. Overrides beat levels: if any rotation is held by an override, only
/// those compete. Among the competitors the highest level wins and equal levels share; with nobody
/// on call, <see cref="OnCallConfig.WhenEmpty"/> gets the incident.
/// </remarks>
public static class OnCallResolver
{
    public static OnCallAnswer WhoIsOnCall(OnCallConfig config, DateTimeOffset at)
    {
        var held = config.Rotations.Values
            .Select(rotation => (rotation.Level, Occupant: Occupant(config, rotation, at)))
            .Where(candidate => !candidate.Occupant.IsEmpty)
            .ToList();
        if (held.Any(candidate => candidate.Occupant.OverrideIndex is not null))
        {
            held.RemoveAll(candidate => candidate.Occupant.OverrideIndex is null);
        }

        if (held.Count == 0)
        {
            return new OnCallAnswer([.. config.WhenEmpty.Select(WhenEmptyEntry)]);
        }

        var level = held.Max(candidate => candidate.Level);
        var entries = held
            .Where(candidate => candidate.Level == level)
            .SelectMany(candidate => candidate.Occupant.People.Select(person => new OnCallEntry(
                person,
                IsTeam: false,
                candidate.Occupant.OverrideIndex is null ? OnCallOrigin.Rotation : OnCallOrigin.Override,
                candidate.Occupant.Rotation,
                candidate.Occupant.OverrideIndex)))
            .DistinctBy(entry => entry.Who, StringComparer.OrdinalIgnoreCase);
        return new OnCallAnswer([.. entries]);
    }

    /// <summary>
    /// Who holds a rotation now, or with <paramref name="next"/> the group of its next shift (whoever
    /// overrides the start of that shift), ignoring restrictions: the person escalation turns to next.
    /// </summary>
    public static RotationOccupant RotationAt(OnCallConfig config, string rotation, DateTimeOffset at, bool next = false)
    {
        if (!config.Rotations.TryGetValue(rotation, out var found))
        {
            throw new ArgumentException($"the schedule has no rotation named '{rotation}'", nameof(rotation));
        }

        if (!next)
        {
            return Occupant(config, found, at);
        }

        var index = Math.Max(RotationClock.ShiftIndex(found, at) + 1, 0);
        var start = RotationClock.Boundary(found, index);
        if (RotationClock.End(found) <= start)
        {
            return new RotationOccupant(rotation, [], null);
        }

        return OverrideAt(config, rotation, found.TimeZone, start) ?? new RotationOccupant(rotation, RotationClock.Group(found, index), null);
    }

    /// <summary>
    /// Each rotation's occupants from <paramref name="from"/> to <paramref name="to"/>, rotation by rotation
    /// in file order: shifts, pieces of overrides and gaps (empty occupants), adjacent equal pieces joined.
    /// </summary>
    public static IReadOnlyList<OnCallSegment> Handoffs(OnCallConfig config, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var segments = new List<OnCallSegment>();
        foreach (var rotation in config.Rotations.Values)
        {
            var changes = ChangePoints(config, rotation, from, to).Where(at => from < at && at < to).Order().Distinct().Append(to);
            var start = from;
            var occupant = Occupant(config, rotation, from);
            foreach (var change in changes)
            {
                var following = change < to ? Occupant(config, rotation, change) : null;
                if (following is not null && SameOccupant(following, occupant))
                {
                    continue;
                }

                segments.Add(new OnCallSegment(start, change, occupant));
                (start, occupant) = (change, following!);
            }
        }

        return segments;
    }

    /// <summary>Every instant at which a rotation's occupant may change; a superset is fine.</summary>
    private static IEnumerable<DateTimeOffset> ChangePoints(OnCallConfig config, Rotation rotation, DateTimeOffset from, DateTimeOffset to)
    {
        for (var index = Math.Max(RotationClock.ShiftIndex(rotation, from), 0); RotationClock.Boundary(rotation, index) < to; index++)
        {
            yield return RotationClock.Boundary(rotation, index);
        }

        if (RotationClock.End(rotation) is { } end)
        {
            yield return end;
        }

        var firstDay = ZoneTime.ToLocal(from, rotation.TimeZone).Date.AddDays(-1);
        var days = (ZoneTime.ToLocal(to, rotation.TimeZone).Date - firstDay).Days + 1;
        foreach (var (start, stop) in RotationClock.Windows(rotation, firstDay, days))
        {
            yield return start;
            yield return stop;
        }

        foreach (var entry in config.Overrides.Where(entry => entry.Rotation == rotation.Name))
        {
            yield return ZoneTime.ToInstant(entry.From, rotation.TimeZone);
            yield return ZoneTime.ToInstant(entry.To, rotation.TimeZone);
        }
    }

    private static RotationOccupant Occupant(OnCallConfig config, Rotation rotation, DateTimeOffset at) =>
        OverrideAt(config, rotation.Name, rotation.TimeZone, at)
        ?? new RotationOccupant(
            rotation.Name,
            RotationClock.IsActive(rotation, at) ? RotationClock.Group(rotation, RotationClock.ShiftIndex(rotation, at)) : [],
            null);

    /// <summary>The latest override of a rotation that covers an instant.</summary>
    private static RotationOccupant? OverrideAt(OnCallConfig config, string rotation, TimeZoneInfo zone, DateTimeOffset at)
    {
        for (var index = config.Overrides.Count - 1; index >= 0; index--)
        {
            var entry = config.Overrides[index];
            if (entry.Rotation == rotation && ZoneTime.ToInstant(entry.From, zone) <= at && at < ZoneTime.ToInstant(entry.To, zone))
            {
                return new RotationOccupant(rotation, [entry.User], index);
            }
        }

        return null;
    }

    private static bool SameOccupant(RotationOccupant a, RotationOccupant b) =>
        a.OverrideIndex == b.OverrideIndex && a.People.SequenceEqual(b.People);

    private static OnCallEntry WhenEmptyEntry(OnCallTarget target) => target switch
    {
        TeamTarget team => new OnCallEntry(team.Team, IsTeam: true, OnCallOrigin.WhenEmpty),
        UserTarget user => new OnCallEntry(user.Login, IsTeam: false, OnCallOrigin.WhenEmpty),
        _ => throw new InvalidOperationException($"when_empty holds only teams and people, not {target}"),
    };
}
