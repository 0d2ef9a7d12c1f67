namespace GitHubIncidentApp.Core.Alerts;

/// <summary>One Alertmanager webhook delivery (payload version 4): the current state of one alert group.</summary>
public sealed record AlertmanagerPayload
{
    public required string Version { get; init; }
    public required string GroupKey { get; init; }
    public required string Status { get; init; }
    public required string Receiver { get; init; }
    public required IReadOnlyDictionary<string, string> GroupLabels { get; init; }
    public required IReadOnlyDictionary<string, string> CommonLabels { get; init; }
    public required IReadOnlyDictionary<string, string> CommonAnnotations { get; init; }
    public required string ExternalUrl { get; init; }
    public required IReadOnlyList<Alert> Alerts { get; init; }

    /// <summary>How many alerts Alertmanager left out because of the receiver's <c>max_alerts</c>.</summary>
    public int TruncatedAlerts { get; init; }

    /// <summary>Alertmanager marks the group resolved only when every alert in it, listed or truncated, has resolved.</summary>
    public bool IsResolved => Status == AlertStatus.Resolved;

    public IEnumerable<Alert> Firing => Alerts.Where(a => a.IsFiring);
}

/// <summary>One alert of a group, as Alertmanager sends it.</summary>
public sealed record Alert
{
    public required string Status { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Null while the alert fires (Alertmanager sends the zero time).</summary>
    public DateTimeOffset? EndsAt { get; init; }
    public string GeneratorUrl { get; init; } = "";
    public required string Fingerprint { get; init; }

    public bool IsFiring => Status == AlertStatus.Firing;
}

public static class AlertStatus
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";
}
