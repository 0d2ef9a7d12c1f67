namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The <c>postmortem:</c> settings: incidents of the <see cref="RequiredFor"/> severities stay open once resolved until a
/// post-mortem is written, with a reminder every <see cref="RemindEvery"/> while they wait.
/// </summary>
public sealed record PostmortemConfig
{
    /// <summary>The shortest reminder interval: more often would be noise on the issue.</summary>
    public static readonly TimeSpan ShortestReminder = TimeSpan.FromHours(1);

    /// <summary>The longest reminder interval: a reminder that never comes reminds of nothing.</summary>
    public static readonly TimeSpan LongestReminder = TimeSpan.FromDays(30);

    /// <summary>Severity levels (canonical names) whose incidents need a post-mortem before they close; none by default.</summary>
    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    public TimeSpan RemindEvery { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Whether an incident of <paramref name="severity"/> needs a post-mortem before it closes.</summary>
    public bool IsRequiredFor(string severity) => RequiredFor.Contains(severity, StringComparer.OrdinalIgnoreCase);
}
