namespace GitHubIncidentApp.Core.Configuration;

/// <summary>The keys for GitHub's own issue features: <c>issue_type</c> (an organisation's issue type) and <c>pin</c>.</summary>
internal static class NativeFieldsSection
{
    public const string IssueTypeKey = "issue_type";
    public const string PinKey = "pin";

    /// <summary>GitHub's own limit on an issue type's name.</summary>
    private const int MaxIssueTypeLength = 255;

    public static string? ReadIssueType(ConfigReader reader, ConfigSection file) =>
        reader.String(file, IssueTypeKey, value => ConfigChecks.NotEmpty(value.Trim())
            ?? (value.Length > MaxIssueTypeLength ? $"is {value.Length} characters long; GitHub's issue type names have at most {MaxIssueTypeLength}" : null))?.Trim();
}
