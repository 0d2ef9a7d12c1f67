namespace GitHubIncidentApp.Core.Templates;

/// <summary>What a post-mortem is prefilled with beyond the incident's view: its timeline, its figures and its people.</summary>
public sealed record PostmortemFacts
{
    /// <summary>Oldest first: opened, escalation steps, acknowledged, status updates and notes, resolved.</summary>
    public IReadOnlyList<PostmortemEntry> Timeline { get; init; } = [];

    public string AcknowledgedBy { get; init; } = "";
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who resolved it; empty when its alerts did, or while it is not resolved.</summary>
    public string ResolvedBy { get; init; } = "";

    /// <summary>Fingerprints of the alerts firing when the post-mortem was written (empty once they all resolved).</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];

    /// <summary>The assignees when the post-mortem was written.</summary>
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>Who was on call when the incident started (logins, and teams as <c>org/team</c>).</summary>
    public IReadOnlyList<string> OnCall { get; init; } = [];
}

/// <param name="By">A login; empty for what the app itself did (an escalation step, alerts resolving).</param>
/// <param name="Kind"><c>opened</c>, <c>escalation</c>, <c>acknowledged</c>, a <c>/status</c> phase, <c>note</c> or <c>resolved</c>.</param>
public sealed record PostmortemEntry(DateTimeOffset At, string By, string Kind, string Text);
