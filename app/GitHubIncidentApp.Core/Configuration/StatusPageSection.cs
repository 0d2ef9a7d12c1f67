namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads <c>status_page: true</c>: whether the App serves the repository's status page (off unless the repository opts in).</summary>
internal static class StatusPageSection
{
    public const string Key = "status_page";

    public static bool Read(ConfigReader reader, ConfigSection file) => reader.Bool(file, Key) ?? IncidentConfig.Default.StatusPage;
}
