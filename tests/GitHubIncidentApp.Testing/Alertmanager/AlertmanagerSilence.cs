namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>One entry of <c>GET /api/v2/silences</c>, read apart from the app's client so tests check what Alertmanager holds.</summary>
public sealed record AlertmanagerSilence
{
    public required string Id { get; init; }
    public required AlertmanagerSilenceStatus Status { get; init; }
    public required IReadOnlyList<AlertmanagerSilenceMatcher> Matchers { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required string CreatedBy { get; init; }
    public required string Comment { get; init; }
}

/// <param name="State"><c>active</c>, <c>pending</c> or <c>expired</c>.</param>
public sealed record AlertmanagerSilenceStatus(string State);

public sealed record AlertmanagerSilenceMatcher(string Name, string Value, bool IsRegex, bool IsEqual);
