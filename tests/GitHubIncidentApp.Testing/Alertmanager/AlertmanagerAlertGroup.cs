namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>One entry of <c>GET /api/v2/alerts/groups</c>: the group labels and its active alerts.</summary>
public sealed record AlertmanagerAlertGroup
{
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required IReadOnlyList<AlertmanagerGroupAlert> Alerts { get; init; }
}

public sealed record AlertmanagerGroupAlert
{
    public required string Fingerprint { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }
}
