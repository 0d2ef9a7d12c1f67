namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// When a group that keeps resolving and firing again counts as flapping (<c>flapping:</c>): more than
/// <see cref="Threshold"/> flaps within <see cref="Window"/>. A flapping group keeps one open issue, labelled
/// <see cref="Label"/>, instead of a close, a reopen and a comment per flap.
/// </summary>
public sealed record FlappingConfig
{
    /// <summary>The most flaps a group may have within the window and not be flapping; at most <see cref="MaxThreshold"/>.</summary>
    public int Threshold { get; init; } = 3;

    /// <summary>
    /// How far back flaps count; also how long a flapping group must stay resolved before its issue closes, how long it
    /// must fire without a flap before the label goes, and how often at most a flapping issue gets a summary comment.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    /// <summary>False turns flapping off: every flap closes and reopens the issue, as the reopen window says.</summary>
    public bool Enabled { get; init; } = true;

    public string Label { get; init; } = "flapping";

    /// <summary>Bounds the flap times an incident keeps in its marker (threshold + 1 are needed to see it).</summary>
    public const int MaxThreshold = 20;

    /// <summary>A longer window would keep an issue open for more than a day after its alerts settled.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);
}
