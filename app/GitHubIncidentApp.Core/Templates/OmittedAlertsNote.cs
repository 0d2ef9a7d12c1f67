using System.Text;
using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>The note appended when some alerts had to be left out to fit GitHub's size limit.</summary>
internal static class OmittedAlertsNote
{
    /// <summary>Keeps the note itself small whatever the number of alerts.</summary>
    private const int MaxListed = 50;

    public static IReadOnlyList<Alert> Omitted(IncidentView view, int shownAlerts) =>
        [.. new[] { view.Alerts, view.NewAlerts, view.ResolvedAlerts }.SelectMany(list => list.Skip(shownAlerts)).DistinctBy(a => a.Fingerprint)];

    public static string Render(IReadOnlyList<Alert> omitted)
    {
        if (omitted.Count == 0)
        {
            return "";
        }

        var note = new StringBuilder();
        note.Append($"\n\n> [!NOTE]\n> {omitted.Count} more alert{(omitted.Count == 1 ? "" : "s")} did not fit in this issue (GitHub's size limit): ");
        note.AppendJoin(", ", omitted.Take(MaxListed).Select(a =>
            $"{MarkdownText.Escape(MarkdownText.Cut(a.Labels.GetValueOrDefault("alertname") ?? "alert", 60))} ({MarkdownText.Escape(MarkdownText.Cut(a.Fingerprint, 8))})"));
        if (omitted.Count > MaxListed)
        {
            note.Append($" and {omitted.Count - MaxListed} more");
        }

        return note.Append('.').ToString();
    }
}
