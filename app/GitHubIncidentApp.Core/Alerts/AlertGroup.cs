namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// One entry of Alertmanager's <c>GET /api/v2/alerts/groups</c> (OpenAPI <c>alertGroup</c>): the alerts that
/// one route groups for one receiver. The same alert appears in one group per receiver it is routed to.
/// </summary>
public sealed record AlertGroup
{
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required AlertGroupReceiver Receiver { get; init; }
    public required IReadOnlyList<GroupAlert> Alerts { get; init; }
}

public sealed record AlertGroupReceiver
{
    public required string Name { get; init; }
}

/// <summary>An alert as the API lists it (OpenAPI <c>gettableAlert</c>); resolved alerts are never listed.</summary>
public sealed record GroupAlert
{
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When the alert resolves unless its source sends it again; unlike the webhook, never the zero time.</summary>
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string Fingerprint { get; init; }
    public string GeneratorUrl { get; init; } = "";
    public required GroupAlertStatus Status { get; init; }

    /// <summary>Notified by Alertmanager: neither silenced, inhibited nor still waiting to be processed.</summary>
    public bool IsActive => Status.State == GroupAlertStatus.Active;
}

public sealed record GroupAlertStatus
{
    public const string Active = "active";
    public const string Suppressed = "suppressed";
    public const string Unprocessed = "unprocessed";

    public required string State { get; init; }
    public IReadOnlyList<string> SilencedBy { get; init; } = [];
    public IReadOnlyList<string> InhibitedBy { get; init; } = [];
}
