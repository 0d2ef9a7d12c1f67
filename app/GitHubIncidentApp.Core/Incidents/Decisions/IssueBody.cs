using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The layout of an incident issue's body: a bot-owned section, fenced by HTML comments, holding the
/// rendered alerts, the timeline and the state marker; plus whatever people write around it, which
/// the app never touches.
/// </summary>
public static partial class IssueBody
{
    public const int GitHubMaxLength = 65_536;

    /// <summary>Room left for people's own notes and the timeline when the app sizes its rendered content.</summary>
    public const int SectionMaxLength = GitHubMaxLength - 16_384;

    private const string Begin = "<!-- incident-app:begin -->";
    private const string End = "<!-- incident-app:end -->";
    private const string TimelineMark = "<!-- incident-app:timeline -->";
    private const string SilenceMark = "<!-- incident-app:silence -->";
    private const string TruncationNote = "\n\n> The app's section was cut short to fit GitHub's size limit for issue bodies.\n";
    private const string LostContent = "_The alert details were removed from this issue; they come back with the next change to its alerts._";

    /// <summary>
    /// Room for rendered content beside <paramref name="state"/>'s marker, which grows with the alerts
    /// (a thousand fingerprints take some 20,000 characters).
    /// </summary>
    public static int ContentRoom(IncidentState state) => Math.Max(0, SectionMaxLength - state.ToJson().Length);

    /// <summary>The bot-owned section: rendered content, the timeline, then the marker; cut to GitHub's limit, never the marker.</summary>
    public static string Section(string content, IncidentState state)
    {
        var section = new StringBuilder(Begin).Append('\n').Append(content.TrimEnd()).Append("\n\n");
        if (state.Silence is { Id.Length: > 0 } silence)
        {
            section.Append(SilenceMark).Append(CultureInfo.InvariantCulture,
                $"\n🔕 **Silenced** in Alertmanager until {silence.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by @{silence.By}: silence {CommandDecider.Shown(silence)}; `/unsilence` ends it.\n\n");
        }

        if (state.Timeline.Count > 0)
        {
            section.Append(TimelineMark).Append("\n### Timeline\n\n");
            foreach (var entry in state.Timeline)
            {
                var by = entry.By.Length > 0 ? $" · @{entry.By}" : "";
                section.Append(CultureInfo.InvariantCulture, $"- {entry.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC{by} · **{entry.Kind}** — {MarkdownText.Escape(entry.Text.ReplaceLineEndings(" "))}\n");
            }

            section.Append('\n');
        }

        return FitSection(section.Append("<!-- incident-app: ").Append(state.ToJson()).Append(" -->\n").Append(End).ToString(), GitHubMaxLength);
    }

    /// <summary>
    /// Rewrites the bot-owned section of <paramref name="body"/>, keeping everything else. With no new
    /// <paramref name="content"/>, the section keeps the content it has: only its timeline and marker change.
    /// </summary>
    public static string ReplaceSection(string body, string? content, IncidentState state)
    {
        var match = SectionPattern().Match(body);
        var (before, after) = match.Success
            ? (body[..match.Index], body[(match.Index + match.Length)..])
            : ("", body.Length > 0 ? "\n\n" + body : "");
        content ??= match.Success ? ContentOf(match.Value) : LostContent;
        var room = GitHubMaxLength - before.Length - after.Length;
        return before + FitSection(Section(content, state), room) + after;
    }

    /// <summary>The body with <paramref name="note"/> added after its section's content: something learned once the issue was opened.</summary>
    public static string AddToContent(string body, string note)
    {
        var match = SectionPattern().Match(body);
        return match.Success && ReadState(body) is { } state
            ? ReplaceSection(body, ContentOf(match.Value).TrimEnd() + "\n\n" + note, state)
            : body;
    }

    /// <summary>The state in the body's marker; null when there is none or it cannot be read.</summary>
    public static IncidentState? ReadState(string? body)
    {
        var match = MarkerPattern().Match(body ?? "");
        return match.Success ? IncidentState.FromJson(match.Groups["json"].Value) : null;
    }

    private static string ContentOf(string section)
    {
        var content = section[Begin.Length..];
        var marker = MarkerPattern().Match(content);
        // The content ends where the first part the state renders begins.
        var end = new[] { content.IndexOf(SilenceMark, StringComparison.Ordinal), content.IndexOf(TimelineMark, StringComparison.Ordinal) }
            .Where(at => at >= 0).DefaultIfEmpty(marker.Success ? marker.Index : content.Length - End.Length).Min();
        return content[..end].Trim('\n');
    }

    // People's text wins over the app's: when both do not fit, the section's content is cut, never the marker.
    private static string FitSection(string section, int room)
    {
        if (section.Length <= room)
        {
            return section;
        }

        var marker = MarkerPattern().Match(section);
        var tail = "\n" + marker.Value + "\n" + End;
        var keep = Math.Max(0, room - tail.Length - TruncationNote.Length);
        return section[..Math.Min(keep, marker.Index)] + TruncationNote + tail;
    }

    [GeneratedRegex(@"<!-- incident-app:begin -->.*?<!-- incident-app:end -->", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"<!-- incident-app: (?<json>\{.*?\}) -->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();
}
