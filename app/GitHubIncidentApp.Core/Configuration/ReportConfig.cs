namespace GitHubIncidentApp.Core.Configuration;

/// <summary>How often a report covers, in <see cref="ReportConfig.Every"/>.</summary>
public enum ReportEvery
{
    Day,
    Week,
    Month,
}

/// <summary>
/// The periodic report (<c>report:</c>): an issue with the figures of the period that just ended, opened at <see cref="At"/>
/// in the config's time zone on the day after it; weekly, on <see cref="Day"/>, by default. <c>report: false</c> turns it off.
/// </summary>
public sealed record ReportConfig
{
    public bool Enabled { get; init; } = true;

    public ReportEvery Every { get; init; } = ReportEvery.Week;

    /// <summary>The day a weekly report is opened on; its period is the seven days before.</summary>
    public DayOfWeek Day { get; init; } = DayOfWeek.Monday;

    /// <summary>The time of day the report is opened at, in the config's time zone.</summary>
    public TimeSpan At { get; init; } = TimeSpan.FromHours(9);
}
