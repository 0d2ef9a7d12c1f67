using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The keys for GitHub's own issue features: <c>issue_type</c> (an organisation's issue type), <c>pin</c> and
/// <c>severity_field</c> (an organisation issue field that shows the severity).
/// </summary>
internal static class NativeFieldsSection
{
    public const string IssueTypeKey = "issue_type";
    public const string PinKey = "pin";
    public const string SeverityFieldKey = "severity_field";

    private static readonly string[] SeverityFieldKeys = ["name", "values"];

    /// <summary>A bound on the field's name and values: each goes into create calls, and a config is untrusted input.</summary>
    private const int MaxFieldTextLength = 255;

    /// <summary>GitHub's own limit on an issue type's name.</summary>
    private const int MaxIssueTypeLength = 255;

    public static string? ReadIssueType(ConfigReader reader, ConfigSection file) =>
        reader.String(file, IssueTypeKey, value => ConfigChecks.NotEmpty(value.Trim())
            ?? (value.Length > MaxIssueTypeLength ? $"is {value.Length} characters long; GitHub's issue type names have at most {MaxIssueTypeLength}" : null))?.Trim();

    /// <summary>Reads <c>severity_field: Severity</c> or <c>severity_field: { name: Severity, values: { critical: P0 } }</c>.</summary>
    public static SeverityFieldConfig? ReadSeverityField(ConfigReader reader, ConfigSection file, SeverityConfig severity)
    {
        if (!file.TryGet(SeverityFieldKey, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode)
        {
            return reader.String(file, SeverityFieldKey, FieldText)?.Trim() is { } name ? new SeverityFieldConfig(name, new Dictionary<string, string>()) : null;
        }

        if (reader.Section(file, SeverityFieldKey, SeverityFieldKeys) is not { } section)
        {
            return null;
        }

        if (!section.TryGet("name", out _))
        {
            reader.Error(node, $"'{SeverityFieldKey}' needs 'name', the organisation issue field's name (as in the organisation's settings, Issue fields)");
            return null;
        }

        var fieldName = reader.String(section, "name", FieldText)?.Trim();
        var values = ReadValues(reader, section, severity);
        return fieldName is null || values is null ? null : new SeverityFieldConfig(fieldName, values);
    }

    private static Dictionary<string, string>? ReadValues(ConfigReader reader, ConfigSection section, SeverityConfig severity)
    {
        var levels = severity.Levels.Select(level => level.Name).ToList();
        if (!section.TryGet("values", out _))
        {
            return [];
        }

        if (reader.Section(section, "values", levels) is not { } values)
        {
            return null;
        }

        var mapped = new Dictionary<string, string>();
        foreach (var level in values.Entries.Keys)
        {
            if (reader.String(values, level, FieldText) is not { } value)
            {
                return null;
            }

            mapped[level] = value.Trim();
        }

        return mapped;
    }

    private static string? FieldText(string value) =>
        ConfigChecks.NotEmpty(value.Trim())
        ?? (value.Length > MaxFieldTextLength ? $"is {value.Length} characters long; issue field names and values may have at most {MaxFieldTextLength}" : null);
}
