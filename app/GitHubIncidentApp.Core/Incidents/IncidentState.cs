using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// What the app knows about one incident. Written into the issue body as a hidden marker (the
/// source of truth) and cached in the local index; it must hold everything needed to decide.
/// </summary>
public sealed record IncidentState
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("v")]
    public int Version { get; init; } = CurrentVersion;

    public required string Key { get; init; }

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Fingerprints of the alerts that fire, sorted.</summary>
    public required IReadOnlyList<string> Firing { get; init; }

    public required string Severity { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public IReadOnlyDictionary<string, string> GroupLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Alerts beyond Alertmanager's <c>max_alerts</c> in the last delivery.</summary>
    public int Truncated { get; init; }

    /// <summary>The issue of the same group's previous incident, when this one was opened after the reopen window.</summary>
    public int? PreviousIssue { get; init; }

    [JsonIgnore]
    public bool IsFiring => Status == Alerts.AlertStatus.Firing;

    // The default encoder escapes '<' and '>', so "-->" can never end the HTML comment early.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Null when the text is not a state this version understands.</summary>
    public static IncidentState? FromJson(string json)
    {
        try
        {
            var state = JsonSerializer.Deserialize<IncidentState>(json, Options);
            return state is { Version: >= 1, Key.Length: > 0 } ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
