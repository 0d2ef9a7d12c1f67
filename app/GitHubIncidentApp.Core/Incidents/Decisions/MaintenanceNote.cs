using System.Globalization;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>How an incident that opens in a maintenance window shows it: a label, and a note in the issue saying which window.</summary>
public static class MaintenanceNote
{
    /// <summary>The label of incidents opened during a maintenance window.</summary>
    public const string Label = "maintenance";

    public static LabelSpec LabelSpec { get; } = new(Label, "c5def5", "Opened during a maintenance window of the incident app's configuration");

    /// <summary>The label to add: the maintenance label in a window, none outside.</summary>
    public static IReadOnlyList<LabelSpec> Labels(MaintenanceOccurrence? maintenance) => maintenance is null ? [] : [LabelSpec];

    /// <summary>The content with a note naming the window the incident opened in, when there is one.</summary>
    public static string With(string content, IncidentOwnership ownership) => ownership.Maintenance is not { } maintenance
        ? content
        : content.TrimEnd() + "\n\n> [!NOTE]\n> Opened during a maintenance window of this repository's configuration: "
            + MarkdownText.Escape(maintenance.Window.ToString())
            + string.Create(CultureInfo.InvariantCulture, $", this time until {maintenance.End.UtcDateTime:yyyy-MM-dd HH:mm} UTC.")
            + (ownership.Escalation is null ? "\n" : " Nobody is paged before it ends; escalation starts then if the alerts still fire and nobody has acknowledged.\n");
}
