namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>One element of the <c>POST /api/v2/alerts</c> body, as Prometheus sends it.</summary>
internal sealed record PostableAlert
{
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }
}
