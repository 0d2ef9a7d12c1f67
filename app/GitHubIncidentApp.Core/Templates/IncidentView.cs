using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>
/// What the templates see of an incident. Built by the incident logic; every string that came from
/// an alert is untrusted and is neutralised by <see cref="IncidentRenderer"/> before a template sees it.
/// </summary>
public sealed record IncidentView
{
    public required string Repo { get; init; }
    public required string Key { get; init; }

    /// <summary>See <see cref="IncidentEvents"/>.</summary>
    public required string Event { get; init; }

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }
    public required string Severity { get; init; }
    public string Receiver { get; init; } = "";
    public required IReadOnlyDictionary<string, string> GroupLabels { get; init; }
    public required IReadOnlyDictionary<string, string> CommonLabels { get; init; }
    public required IReadOnlyDictionary<string, string> CommonAnnotations { get; init; }

    /// <summary>All alerts of the delivery.</summary>
    public required IReadOnlyList<Alert> Alerts { get; init; }

    /// <summary>Alerts that started firing since the last delivery (for comments).</summary>
    public IReadOnlyList<Alert> NewAlerts { get; init; } = [];

    /// <summary>Alerts that resolved since the last delivery (for comments).</summary>
    public IReadOnlyList<Alert> ResolvedAlerts { get; init; } = [];

    /// <summary>Alerts Alertmanager left out of the delivery (<c>max_alerts</c>).</summary>
    public int TruncatedAlerts { get; init; }
    public string ExternalUrl { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The issue of the previous occurrence of this incident, if any.</summary>
    public int? PreviousIssue { get; init; }

    /// <summary>For the <c>postmortem</c> event only; null otherwise.</summary>
    public PostmortemFacts? Postmortem { get; init; }
}

public static class IncidentEvents
{
    public const string Opened = "opened";
    public const string Changed = "changed";
    public const string Resolved = "resolved";
    public const string Reopened = "reopened";
    public const string Postmortem = "postmortem";
}
