namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The <c>storm:</c> settings: when more new incidents would open in a repository than <see cref="Threshold"/> within
/// <see cref="Window"/>, the next ones join one storm issue instead of opening an issue each.
/// </summary>
public sealed record StormConfig
{
    /// <summary>The most <see cref="Threshold"/> may be: GitHub allows 500 new issues an hour, so a higher one never triggers.</summary>
    public const int MaxThreshold = 500;

    /// <summary>False turns storms off: every new group opens its own issue.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How many incidents may open within <see cref="Window"/> before the next ones form a storm.</summary>
    public int Threshold { get; init; } = 10;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The severity level from which a group still gets its own issue during a storm (linked from the storm issue).</summary>
    public string OwnIssue { get; init; } = "critical";
}
