namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The organisation issue field that shows an incident's severity (<c>severity_field</c>).
/// </summary>
/// <param name="Name">The field's name, as the organisation's settings show it (matched ignoring case).</param>
/// <param name="Values">
/// The option (or text) each severity level sets, by level name; a level not listed sets the option named like it
/// (ignoring case).
/// </param>
public sealed record SeverityFieldConfig(string Name, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>What <paramref name="level"/> sets: its mapped value, or its own name.</summary>
    public string ValueFor(string level) => Values.TryGetValue(level, out var value) ? value : level;
}
