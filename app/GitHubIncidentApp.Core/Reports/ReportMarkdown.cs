using System.Globalization;
using System.Text;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Reports;

/// <summary>
/// The report as Markdown: the issue's title and body, with Mermaid charts (GitHub renders them in issues). Names from alerts
/// are escaped for where they land: <see cref="MarkdownText.Escape"/> in tables, <see cref="MermaidText"/> in charts.
/// Every list is cut at <see cref="MaxRows"/>, so the body stays far below GitHub's size limit whatever the period holds.
/// </summary>
public static class ReportMarkdown
{
    public const int MaxRows = 15;

    /// <summary>The hidden marker that says which period a report issue covers; written and read only here.</summary>
    public static string Marker(ReportPeriod period) => $"<!-- incident-report: {period.Key} -->";

    public static string Title(string repo, ReportPeriod period) => $"Incident report: {period.Range} ({repo})";

    public static string Render(string repo, ReportPeriod period, ReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(figures);
        var text = new StringBuilder();
        text.AppendLine(Marker(period));
        text.AppendLine(Invariant($"## Incident report: {period.Range}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{MarkdownText.Escape(repo)}, {period.Days} day{(period.Days == 1 ? "" : "s")} from {Local(period.From, period)} to {Local(period.To, period)} ({period.Zone.Id})."));
        text.AppendLine();
        var steps = figures.EscalationSteps.Sum(s => s.Steps);
        text.AppendLine(Invariant($"**{figures.Opened}** incident{Plural(figures.Opened)} opened, **{figures.Resolved}** resolved, {figures.Storms.Count} storm{Plural(figures.Storms.Count)}, {steps} escalation step{Plural(steps)} fired."));
        Charts(text, period, figures);
        Times(text, "Severity", figures.BySeverity);
        Times(text, "Route / team", figures.ByRoute);
        Noisiest(text, figures);
        Section(text, "Flapping groups", ["Incident", "Alert", "Flaps", "Still flapping"],
            figures.Flapping.Select(f => new[] { Invariant($"#{f.Issue}"), MarkdownText.Escape(f.Name), Number(f.Flaps), f.Flapping ? "yes" : "no" }));
        Section(text, "Storms", ["Storm", "Started", "Ended", "Groups"],
            figures.Storms.Select(s => new[] { Invariant($"#{s.Issue}"), Local(s.StartedAt, period), s.ResolvedAt is { } end ? Local(end, period) : "still on", Number(s.Groups) }));
        Section(text, "Escalation steps fired", ["Policy", "Steps"], figures.EscalationSteps.Select(s => new[] { MarkdownText.Escape(s.Policy), Number(s.Steps) }));
        Section(text, "On-call load", ["Person", "Pages", "Incidents firing while on call"],
            figures.OnCall.Select(p => new[] { MarkdownText.Escape(p.Person), Number(p.Pages), Duration(p.OpenWhileOnCall) }));
        text.AppendLine();
        text.AppendLine("<sub>Opened by the incident app from its incident issues; times to acknowledge and resolve are of the incidents opened in the period (median and p90, nearest rank).</sub>");
        return text.ToString();
    }

    private static void Charts(StringBuilder text, ReportPeriod period, ReportFigures figures)
    {
        if (figures.OpenedBySeverity.Count > 0)
        {
            text.AppendLine().AppendLine("```mermaid").AppendLine("pie title Incidents opened by severity");
            foreach (var (severity, count) in figures.OpenedBySeverity)
            {
                text.AppendLine(Invariant($"    {MermaidText.Quoted(severity)} : {count}"));
            }

            text.AppendLine("```");
        }

        var days = figures.OpenedPerDay;
        if (days.Count > 1)
        {
            var labels = string.Join(", ", days.Select(d => MermaidText.Quoted(d.Day.ToString("MM-dd", CultureInfo.InvariantCulture))));
            text.AppendLine().AppendLine("```mermaid").AppendLine("xychart-beta").AppendLine("    title \"Incidents opened per day\"")
                .AppendLine(Invariant($"    x-axis [{labels}]"))
                .AppendLine(Invariant($"    y-axis \"Incidents\" 0 --> {Math.Max(1, days.Max(d => d.Incidents))}"))
                .AppendLine(Invariant($"    bar [{string.Join(", ", days.Select(d => d.Incidents))}]"))
                .AppendLine("```");
        }

        var top = figures.NoisiestByFiring.Where(n => n.Firing >= TimeSpan.FromMinutes(1)).Take(5).ToList();
        if (top.Count > 0)
        {
            text.AppendLine().AppendLine("```mermaid").AppendLine("pie title Minutes firing by alert (top 5)");
            foreach (var (name, firing) in top)
            {
                text.AppendLine(Invariant($"    {MermaidText.Quoted(name)} : {(int)firing.TotalMinutes}"));
            }

            text.AppendLine("```");
        }
    }

    private static void Times(StringBuilder text, string group, IReadOnlyList<TimeFigures> figures) =>
        Section(text, $"Time to acknowledge and to resolve by {group.ToLowerInvariant()}", [group, "Opened", "Ack median", "Ack p90", "Resolve median", "Resolve p90"],
            figures.Select(f => new[] { MarkdownText.Escape(f.Group), Number(f.Incidents), Duration(f.AckMedian), Duration(f.AckP90), Duration(f.ResolveMedian), Duration(f.ResolveP90) }));

    private static void Noisiest(StringBuilder text, ReportFigures figures)
    {
        Section(text, "Noisiest alerts by incidents", ["Alert", "Incidents"], figures.NoisiestByIncidents.Select(n => new[] { MarkdownText.Escape(n.Name), Number(n.Incidents) }));
        Section(text, "Noisiest alerts by time firing", ["Alert", "Firing"], figures.NoisiestByFiring.Select(n => new[] { MarkdownText.Escape(n.Name), Duration(n.Firing) }));
    }

    /// <summary>A heading and a table, or "None." when there are no rows; rows past <see cref="MaxRows"/> are counted.</summary>
    private static void Section(StringBuilder text, string heading, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        text.AppendLine().AppendLine(Invariant($"### {heading}")).AppendLine();
        if (all.Count == 0)
        {
            text.AppendLine("None.");
            return;
        }

        text.AppendLine($"| {string.Join(" | ", columns)} |").AppendLine($"|{string.Concat(columns.Select(_ => " --- |"))}");
        foreach (var row in all.Take(MaxRows))
        {
            text.AppendLine($"| {string.Join(" | ", row)} |");
        }

        if (all.Count > MaxRows)
        {
            text.AppendLine().AppendLine(Invariant($"And {all.Count - MaxRows} more."));
        }
    }

    private static string Duration(TimeSpan? span) => span is { } value ? HumanDuration.Format(value) : "–";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count) => count == 1 ? "" : "s";

    private static string Local(DateTimeOffset at, ReportPeriod period) =>
        TimeZoneInfo.ConvertTime(at, period.Zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
