using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Tests;

/// <summary>What untrusted text must never become in an issue GitHub renders.</summary>
public static partial class HostileMarkdown
{
    /// <summary>No <c>@login</c> that notifies, no <c>#123</c> or <c>GH-123</c> that links: for titles, which GitHub shows as plain text.</summary>
    public static void AssertNoMentions(string text)
    {
        Assert.DoesNotMatch(LiveMention(), text);
        Assert.DoesNotMatch(LiveReference(), text);
    }

    /// <summary>
    /// As <see cref="AssertNoMentions"/>, and no HTML tag of the sender's: for Markdown bodies. HTML comments
    /// (the state marker), code spans and link targets are shown verbatim or not at all, so they are looked past.
    /// </summary>
    public static void AssertInert(string markdown)
    {
        var rendered = CodeSpan().Replace(LinkTarget().Replace(HtmlComment().Replace(markdown, ""), "]()"), "");
        AssertNoMentions(rendered);
        Assert.DoesNotMatch(HostileTag(), rendered);
    }

    /// <summary>Every row of the alerts table has the header's seven cell borders; one row per alert.</summary>
    public static void AssertTableIntact(string body, int rows)
    {
        var lines = body.Split('\n');
        var header = Array.FindIndex(lines, line => line.StartsWith("| | Alert |", StringComparison.Ordinal));
        Assert.True(header >= 0, $"no alerts table in:\n{body}");
        var table = lines.Skip(header).TakeWhile(line => line.StartsWith('|')).ToList();
        Assert.Equal(rows + 2, table.Count);
        Assert.All(table, row => Assert.Equal(7, CellBorder().Matches(row).Count));
    }

    [GeneratedRegex("@(octocat|operate-first/admins|everyone)")]
    private static partial Regex LiveMention();

    [GeneratedRegex("(#|GH-)(123|42)")]
    private static partial Regex LiveReference();

    [GeneratedRegex("<(script|img|iframe|a |details)", RegexOptions.IgnoreCase)]
    private static partial Regex HostileTag();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"(`+)[^`\n].*?\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex LinkTarget();

    /// <summary>A pipe that is not escaped with a backslash.</summary>
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellBorder();
}
