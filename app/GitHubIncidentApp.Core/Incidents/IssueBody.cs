using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// The layout of an incident issue's body: a bot-owned section, fenced by HTML comments and
/// holding the state marker, plus whatever people write around it, which the app never touches.
/// </summary>
public static partial class IssueBody
{
    public const int GitHubMaxLength = 65_536;

    /// <summary>Room left for people's own notes when the app sizes its section.</summary>
    public const int SectionMaxLength = GitHubMaxLength - 8_192;

    private const string Begin = "<!-- incident-app:begin -->";
    private const string End = "<!-- incident-app:end -->";
    private const string TruncationNote = "\n\n> The app's section was cut short to fit GitHub's size limit for issue bodies.\n";

    /// <summary>The bot-owned section: rendered content, then the marker.</summary>
    public static string Section(string content, IncidentState state) =>
        $"{Begin}\n{content.TrimEnd()}\n\n<!-- incident-app: {state.ToJson()} -->\n{End}";

    /// <summary>Replaces the bot-owned section of <paramref name="body"/>, keeping everything else.</summary>
    public static string ReplaceSection(string body, string section)
    {
        var match = SectionPattern().Match(body);
        var (before, after) = match.Success
            ? (body[..match.Index], body[(match.Index + match.Length)..])
            : ("", body.Length > 0 ? "\n\n" + body : "");
        var room = GitHubMaxLength - before.Length - after.Length;
        return before + FitSection(section, room) + after;
    }

    /// <summary>The state in the body's marker; null when there is none or it cannot be read.</summary>
    public static IncidentState? ReadState(string? body)
    {
        var match = MarkerPattern().Match(body ?? "");
        return match.Success ? IncidentState.FromJson(match.Groups["json"].Value) : null;
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
