namespace GitHubIncidentApp.Core.Reports;

/// <summary>The facts a report is computed from: each incident's, each storm's, and who was on call when.</summary>
/// <param name="Severities">The config's severity levels, most severe first: the order the tables and charts use.</param>
public sealed record ReportInput(
    IReadOnlyList<ReportIncident> Incidents, IReadOnlyList<ReportStorm> Storms, IReadOnlyList<ReportShift> Shifts, IReadOnlyList<string> Severities);

/// <summary>One incident as a report sees it.</summary>
public sealed record ReportIncident
{
    public required int Issue { get; init; }

    /// <summary>The alert name (the group's <c>alertname</c>, else its labels): untrusted text from the alerts.</summary>
    public required string Name { get; init; }

    public required string Severity { get; init; }

    /// <summary>The route (team) that owns it, as the config decides; <see cref="NoRoute"/> when none does.</summary>
    public required string Route { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Null while it fires.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When its recent flaps happened (the marker keeps the latest).</summary>
    public IReadOnlyList<DateTimeOffset> Flaps { get; init; } = [];

    /// <summary>When it was found flapping; null while it is not.</summary>
    public DateTimeOffset? FlappingSince { get; init; }

    /// <summary>Who its escalation paged, and when.</summary>
    public IReadOnlyList<ReportPage> Pages { get; init; } = [];

    /// <summary>Escalation steps that fired after it opened (the policy's name for each).</summary>
    public IReadOnlyList<ReportStep> Steps { get; init; } = [];

    public const string NoRoute = "(no route)";
}

public sealed record ReportPage(DateTimeOffset At, string Person);

public sealed record ReportStep(DateTimeOffset At, string Policy);

/// <summary>A storm issue: many groups at once listed in one issue.</summary>
public sealed record ReportStorm(int Issue, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, int Groups);

/// <summary>A stretch of time <see cref="Person"/> was on call in some rotation.</summary>
public sealed record ReportShift(string Person, DateTimeOffset From, DateTimeOffset To);
