namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>Route and receiver settings for <see cref="AlertmanagerProcess"/>; the defaults keep end-to-end tests fast.</summary>
public sealed record AlertmanagerOptions
{
    public TimeSpan GroupWait { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan GroupInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Long by default so a test never sees an unchanged group re-sent.</summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The webhook's <c>max_alerts</c>; 0 means unlimited.</summary>
    public int MaxAlerts { get; init; }

    public IReadOnlyList<string> GroupBy { get; init; } = ["alertname", "namespace"];

    public TimeSpan ResolveTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
