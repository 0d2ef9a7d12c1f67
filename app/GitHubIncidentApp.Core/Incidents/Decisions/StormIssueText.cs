using System.Globalization;
using System.Text;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The storm issue's text: its title, the list of its groups by severity, and the summary it closes with. Built in, not
/// a repository template: the list is rewritten for many groups at once and must fit GitHub's body limit.
/// </summary>
public static class StormIssueText
{
    /// <summary>Per line: the group's labels, cut beyond this, keep one group to one readable line.</summary>
    private const int MaxLabelsLength = 200;

    public static string Title(StormState storm, RepoRef repo, bool ended)
    {
        var count = ended ? storm.Groups : storm.Firing + storm.Members.Count(m => m.OwnIssue);
        return string.Create(CultureInfo.InvariantCulture, $"[STORM] {count} alert {(count == 1 ? "group" : "groups")} {(ended ? "fired" : "firing")} in {repo}");
    }

    /// <summary>The list, grouped by severity (most severe first), cut to <paramref name="room"/> characters.</summary>
    public static string Content(StormState storm, IncidentState state, IncidentContext context, int room)
    {
        var levels = context.Config.Severity.Levels.Select(l => l.Name).ToList();
        var resolved = storm.Members.Count(m => !m.OwnIssue && m.ResolvedAt is not null) + (storm.Unlisted - storm.UnlistedFiring);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"## Alert storm in {context.Repo}\n\n")
            .Append(CultureInfo.InvariantCulture, $"**{storm.Groups} alert {(storm.Groups == 1 ? "group" : "groups")}** joined this storm since {Time(state.StartedAt)}: ")
            .Append(CultureInfo.InvariantCulture, $"{storm.Firing} firing here, {resolved} resolved, {storm.Members.Count(m => m.OwnIssue)} with an issue of their own. ")
            .Append(CultureInfo.InvariantCulture, $"Groups of severity **{MarkdownText.Escape(context.Config.Storm.OwnIssue)}** and above get an issue of their own, linked below. ")
            .Append("The list is rewritten at most every 30 s. Commands (`/ack`, `/resolve`, ...) work here as on any incident; ")
            .Append("`/split <alertname>` gives a listed group an issue of its own.\n");

        var lines = new List<string>();
        foreach (var severity in storm.Members.GroupBy(m => m.Severity).OrderBy(g => levels.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"\n### {MarkdownText.Escape(severity.Key)} · {severity.Count()}\n"));
            lines.AddRange(severity.OrderBy(m => m.ResolvedAt is not null).ThenBy(m => m.StartedAt).Select(m => Line(m, storm.AlertsUrl)));
        }

        var notListed = storm.Unlisted;
        for (var i = 0; i < lines.Count; i++)
        {
            // Keep room for the closing note; every group past it is counted instead.
            if (text.Length + lines[i].Length + 200 > room)
            {
                notListed += lines.Skip(i).Count(l => l.StartsWith("- ", StringComparison.Ordinal));
                break;
            }

            text.Append(lines[i]).Append('\n');
        }

        if (notListed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n_{notListed} more {(notListed == 1 ? "group" : "groups")} joined ({storm.UnlistedFiring} of those counted only still firing); not listed, to keep this issue within GitHub's size limit._\n");
        }

        return text.ToString();
    }

    /// <summary>The comment the storm issue closes with.</summary>
    public static string Summary(StormState storm, DateTimeOffset startedAt, IncidentContext context)
    {
        var bySeverity = storm.Members.GroupBy(m => m.Severity).Select(g => $"{MarkdownText.Escape(g.Key)} {g.Count()}");
        var own = storm.Members.Where(m => m.Issue is not null).Select(m => "#" + m.Issue!.Value.ToString(CultureInfo.InvariantCulture)).ToList();
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Storm over.** All {storm.Groups} alert groups of this storm resolved or have an issue of their own; ")
            .Append(CultureInfo.InvariantCulture, $"it lasted {HumanDuration.Format(context.Now - startedAt)} ({Time(startedAt)} to {Time(context.Now)}).\n\n")
            .Append("- By severity: ").Append(string.Join(", ", bySeverity)).Append(storm.Unlisted > 0 ? $", and {storm.Unlisted} not listed" : "").Append('\n');
        if (own.Count > 0)
        {
            text.Append("- Issues of their own (they follow their alerts on their own): ").Append(string.Join(", ", own)).Append('\n');
        }

        return text.ToString();
    }

    private static string Line(StormMember member, string? alertsUrl)
    {
        var labels = MarkdownText.Escape(Cut(string.Join(", ", member.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))));
        var start = member.Issue is { } issue ? $"- [ ] #{issue.ToString(CultureInfo.InvariantCulture)} "
            : member.OwnIssue ? "- [ ] (its issue is opening) "
            : member.ResolvedAt is null ? "- 🔥 " : "- ✅ ";
        // Owners in code spans: a list rewritten every 30 s must not mention (and notify) them each time.
        var owners = member.Owners.Count > 0 ? " · owner " + string.Join(", ", member.Owners.Select(o => $"`{o}`")) : "";
        var ended = member.ResolvedAt is { } at && !member.OwnIssue ? " · resolved " + Time(at) : "";
        var link = AlertsLink(alertsUrl, member.Labels) is { } url ? $" · [alerts]({url})" : "";
        return $"{start}{labels}{owners} · since {Time(member.StartedAt)}{ended}{link}";
    }

    /// <summary>Alertmanager's alert list filtered to the group's labels; null without an http(s) Alertmanager URL.</summary>
    private static string? AlertsLink(string? alertsUrl, IReadOnlyDictionary<string, string> labels)
    {
        if (string.IsNullOrEmpty(alertsUrl) || labels.Count == 0)
        {
            return null;
        }

        var filter = "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"")) + "}";
        return MarkdownText.ToLinkTarget(alertsUrl.TrimEnd('/') + "/#/alerts?filter=" + Uri.EscapeDataString(filter));
    }

    private static string Cut(string text) => text.Length <= MaxLabelsLength ? text : MarkdownText.Cut(text, MaxLabelsLength) + "…";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
