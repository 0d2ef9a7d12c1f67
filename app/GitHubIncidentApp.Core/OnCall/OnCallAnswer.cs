namespace GitHubIncidentApp.Core.OnCall;

/// <summary>Who gets an incident at one instant.</summary>
public sealed record OnCallAnswer(IReadOnlyList<OnCallEntry> Entries)
{
    /// <summary>Logins to assign.</summary>
    public IReadOnlyList<string> Assignees => [.. Entries.Where(entry => !entry.IsTeam).Select(entry => entry.Who)];

    /// <summary>Teams to @mention, with the '@'.</summary>
    public IReadOnlyList<string> Mentions => [.. Entries.Where(entry => entry.IsTeam).Select(entry => $"@{entry.Who}")];
}

public enum OnCallOrigin
{
    Rotation,
    Override,
    WhenEmpty,
}

/// <summary>One person or team and why they are on call.</summary>
/// <param name="Who">A login, or <c>org/team</c> when <paramref name="IsTeam"/>.</param>
/// <param name="Rotation">The rotation they hold; null for <c>when_empty</c>.</param>
/// <param name="OverrideIndex">Index in <see cref="OnCallConfig.Overrides"/> when an override put them there.</param>
public sealed record OnCallEntry(string Who, bool IsTeam, OnCallOrigin Origin, string? Rotation = null, int? OverrideIndex = null);

/// <summary>Who holds one rotation: its shift's group, an override's user, or nobody.</summary>
/// <param name="OverrideIndex">Index in <see cref="OnCallConfig.Overrides"/> when an override holds it.</param>
public sealed record RotationOccupant(string Rotation, IReadOnlyList<string> People, int? OverrideIndex)
{
    public bool IsEmpty => People.Count == 0;
}

/// <summary>A stretch of time in which one rotation has the same occupant; <see cref="RotationOccupant.IsEmpty"/> for a gap.</summary>
public sealed record OnCallSegment(DateTimeOffset Start, DateTimeOffset End, RotationOccupant Occupant);
