namespace GitHubIncidentApp.Testing.Bursts;

/// <summary>The one issue a burst's group must leave on GitHub once every delivery is applied.</summary>
public sealed record ExpectedIssue
{
    public required string Title { get; init; }
    public required bool Open { get; init; }

    /// <summary>The exact label set, in any order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>One per change of the alerts: a joining alert, the resolution.</summary>
    public required int Comments { get; init; }

    /// <summary>Alerts the marker lists as firing (the marker keeps its last firing picture after a resolution).</summary>
    public required int MarkedFiring { get; init; }
}
