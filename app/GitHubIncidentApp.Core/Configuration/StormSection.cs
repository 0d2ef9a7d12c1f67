namespace GitHubIncidentApp.Core.Configuration;

/// <summary>The <c>storm:</c> section: <c>enabled</c>, <c>threshold</c>, <c>window</c> and <c>own_issue</c> (a severity level).</summary>
internal static class StormSection
{
    public const string Key = "storm";

    private static readonly string[] Keys = ["enabled", "threshold", "window", "own_issue"];

    /// <summary>A window longer than GitHub's hourly content limit adds nothing a lower threshold would not.</summary>
    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(1);

    public static StormConfig Read(ConfigReader reader, ConfigSection file, SeverityConfig severity)
    {
        var defaults = IncidentConfig.Default.Storm;
        if (reader.Section(file, Key, Keys) is not { } section)
        {
            // The default names the default levels' most severe; custom levels without a 'storm:' section take theirs.
            return severity.Find(defaults.OwnIssue) is null ? defaults with { OwnIssue = MostSevere(severity, defaults) } : defaults;
        }

        var threshold = OnCallSection.ReadInteger(reader, section, "threshold", min: 1);
        if (threshold > StormConfig.MaxThreshold)
        {
            reader.Error(section.Entries["threshold"], $"'{section.NameOf("threshold")}' is {threshold}; at most {StormConfig.MaxThreshold} (GitHub's hourly limit of new issues), or set 'enabled: false' to turn storms off");
            threshold = null;
        }

        var window = reader.Duration(section, "window");
        if (window is { } w && (w <= TimeSpan.Zero || w > MaxWindow))
        {
            reader.Error(section.Entries["window"], $"'{section.NameOf("window")}' must be more than 0 and at most 1h");
            window = null;
        }

        var ownIssue = reader.String(section, "own_issue", ConfigChecks.NotEmpty);
        if (ownIssue is not null && severity.Find(ownIssue) is null)
        {
            reader.Error(section.Entries["own_issue"], $"'{section.NameOf("own_issue")}' is \"{ownIssue}\", which names no severity level; use one of {string.Join(", ", severity.Levels.Select(l => l.Name))}");
            ownIssue = null;
        }

        return new StormConfig
        {
            Enabled = reader.Bool(section, "enabled") ?? defaults.Enabled,
            Threshold = threshold ?? defaults.Threshold,
            Window = window ?? defaults.Window,
            OwnIssue = severity.Find(ownIssue ?? defaults.OwnIssue)?.Name ?? MostSevere(severity, defaults),
        };
    }

    // Levels that failed to read leave none; the file's problems then give the defaults anyway.
    private static string MostSevere(SeverityConfig severity, StormConfig defaults) => severity.Levels.FirstOrDefault()?.Name ?? defaults.OwnIssue;
}
