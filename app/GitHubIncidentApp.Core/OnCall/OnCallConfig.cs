using System.Collections.ObjectModel;

namespace GitHubIncidentApp.Core.OnCall;

/// <summary>
/// The on-call part of <c>.github/incidents.yml</c>: rotations, overrides, escalation policies and
/// which policy each severity follows. Times in it are local wall-clock times of a rotation's zone.
/// </summary>
public sealed record OnCallConfig
{
    /// <summary>Zone of rotations that name none (top-level <c>timezone</c>); UTC when the file names none.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>By name, in file order.</summary>
    public IReadOnlyDictionary<string, Rotation> Rotations { get; init; } = ReadOnlyDictionary<string, Rotation>.Empty;

    /// <summary>In file order: where two cover the same time of a rotation, the later one wins.</summary>
    public IReadOnlyList<OnCallOverride> Overrides { get; init; } = [];

    /// <summary>Who gets the incident when no rotation has anyone on call (teams and people only).</summary>
    public IReadOnlyList<OnCallTarget> WhenEmpty { get; init; } = [];

    /// <summary>Escalation policies by name.</summary>
    public IReadOnlyDictionary<string, EscalationPolicy> Policies { get; init; } = ReadOnlyDictionary<string, EscalationPolicy>.Empty;

    /// <summary>Policy name per canonical severity name; null (<c>none</c>) assigns without escalating.</summary>
    public IReadOnlyDictionary<string, string?> SeverityPolicy { get; init; } = ReadOnlyDictionary<string, string?>.Empty;

    /// <summary>An acknowledged incident that still fires this long turns unacknowledged again; null never.</summary>
    public TimeSpan? AckTimeout { get; init; }

    /// <summary>The policy a severity follows: null for <c>none</c>, and for a severity the file does not map.</summary>
    public EscalationPolicy? PolicyFor(string severity) =>
        SeverityPolicy.TryGetValue(severity, out var name) && name is not null ? Policies[name] : null;
}

/// <summary>
/// People taking turns: shift k starts at the local wall-clock time <c>Start + k * Shift</c> in
/// <see cref="TimeZone"/>, so a daily or weekly hand-off keeps its local hour across daylight-saving
/// changes, and group <c>Members[k mod n]</c> is on call for it.
/// </summary>
/// <remarks>
/// Changing <see cref="Members"/> renumbers every shift, past ones included. To change who takes turns
/// without rewriting history, end the rotation with <see cref="Until"/> and start a new one then.
/// </remarks>
public sealed record Rotation
{
    public required string Name { get; init; }

    /// <summary>One group per shift, in turn; a group of several people is on call together.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Members { get; init; }

    /// <summary>Local wall-clock start of shift 0; before it the rotation is empty.</summary>
    public required DateTime Start { get; init; }

    /// <summary>Length of a shift in local calendar time (a 1d shift lasts 23 or 25 hours on a DST day).</summary>
    public required TimeSpan Shift { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>When the rotation is on call at all; empty means always. Outside them the rotation is empty.</summary>
    public IReadOnlyList<RotationRestriction> Restrictions { get; init; } = [];

    /// <summary>Where rotations overlap, the higher level wins; equal levels share the incident.</summary>
    public int Level { get; init; }

    /// <summary>Local wall-clock end; from then on the rotation is empty.</summary>
    public DateTime? Until { get; init; }
}

/// <summary>
/// On the listed days, the rotation is on call from <see cref="From"/> to <see cref="To"/> local time;
/// a <see cref="To"/> not after <see cref="From"/> ends the next day (a night window such as 22:00-06:00).
/// </summary>
/// <param name="From">Time of day, 00:00 for whole days.</param>
/// <param name="To">Time of day up to 24:00, which whole days use.</param>
public sealed record RotationRestriction(IReadOnlySet<DayOfWeek> Days, TimeSpan From, TimeSpan To);

/// <summary><see cref="User"/> holds <see cref="Rotation"/> from <see cref="From"/> to <see cref="To"/>, local times of the rotation's zone.</summary>
public sealed record OnCallOverride(string Rotation, string User, DateTime From, DateTime To);
