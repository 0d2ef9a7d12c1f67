using System.Text;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>
/// Follows a comment's Markdown line by line and hands back only the lines that render as ordinary text
/// starting at their first character: not fenced or indented code, not block quotes, not inside HTML comments.
/// Markdown has more rules than this reads (nested containers, HTML blocks other than comments); where it guesses,
/// it errs towards hiding a line, since a hidden command that runs is worse than a visible one that does not.
/// </summary>
internal sealed class MarkdownLineScanner
{
    private const string CommentOpen = "<!--";
    private const string CommentClose = "-->";

    /// <summary>Fences start with three backticks or tildes; '\0' outside a fenced block.</summary>
    private char fence;
    private int fenceLength;

    /// <summary>How far a closing fence may be indented: three spaces, plus a list item's offset when the fence opened in one.</summary>
    private int fenceIndent;

    private bool inComment;

    /// <summary>After a quoted line of text, the next lines continue the quote until a blank line ("lazy continuation").</summary>
    private bool inQuote;

    /// <summary>The line without its indentation and with HTML comments cut out, or null when it is not plain text.</summary>
    public string? Read(ReadOnlySpan<char> line)
    {
        if (fence != '\0')
        {
            if (IsClosingFence(line))
            {
                fence = '\0';
            }

            return null;
        }

        if (inComment)
        {
            _ = StripComments(line);
            return null;
        }

        var (columns, length) = Indentation(line);
        var rest = line[length..];

        // An HTML comment in a fence's info string is text, so the fence is looked for first.
        if (columns < 4 && OpensFence(rest))
        {
            inQuote = false;
            return null;
        }

        var visible = StripComments(line);
        var quoted = rest.StartsWith('>') || (inQuote && !rest.IsEmpty);
        inQuote = quoted && !rest.TrimStart('>').Trim(" \t").IsEmpty;
        var plain = columns < 4 && !quoted && !rest.StartsWith(CommentOpen, StringComparison.Ordinal);
        return plain ? visible[length..] : null;
    }

    /// <summary>Columns and characters of leading whitespace; a tab advances to the next multiple of four, as in Markdown.</summary>
    private static (int Columns, int Length) Indentation(ReadOnlySpan<char> line)
    {
        var columns = 0;
        var length = 0;
        for (; length < line.Length; length++)
        {
            if (line[length] == ' ')
            {
                columns++;
            }
            else if (line[length] == '\t')
            {
                columns += 4 - (columns % 4);
            }
            else
            {
                break;
            }
        }

        return (columns, length);
    }

    private bool OpensFence(ReadOnlySpan<char> rest)
    {
        if (TryOpenFence(rest, 3))
        {
            return true;
        }

        // "- ```" opens a fence inside a list item, whose lines are indented by the marker's width.
        var marker = ListMarkerWidth(rest);
        return marker > 0 && TryOpenFence(rest[marker..], marker + 3);
    }

    private bool TryOpenFence(ReadOnlySpan<char> text, int closingIndent)
    {
        if (text.Length < 3 || text[0] is not ('`' or '~'))
        {
            return false;
        }

        var length = RunLength(text, text[0]);
        // A backtick fence's info string may not hold a backtick: "```a``` b" is inline code, not a fence.
        if (length < 3 || (text[0] == '`' && text[length..].Contains('`')))
        {
            return false;
        }

        (fence, fenceLength, fenceIndent) = (text[0], length, closingIndent);
        return true;
    }

    private bool IsClosingFence(ReadOnlySpan<char> line)
    {
        var (columns, length) = Indentation(line);
        var rest = line[length..];
        var run = RunLength(rest, fence);
        return columns <= fenceIndent && run >= fenceLength && rest[run..].Trim(" \t").IsEmpty;
    }

    /// <summary>Width of a list marker and the spaces after it ("- ", "12. ", "3) "), or 0 when the text starts with none.</summary>
    private static int ListMarkerWidth(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        var marker = digits > 0
            ? (digits < text.Length && text[digits] is '.' or ')' ? digits + 1 : 0)
            : (text.Length > 0 && text[0] is '-' or '*' or '+' ? 1 : 0);
        var spaces = marker == 0 ? 0 : RunLength(text[marker..], ' ');
        return spaces is >= 1 and <= 4 ? marker + spaces : 0;
    }

    private static int RunLength(ReadOnlySpan<char> text, char c)
    {
        var length = 0;
        while (length < text.Length && text[length] == c)
        {
            length++;
        }

        return length;
    }

    /// <summary>The line's text outside HTML comments, following comments that open or close on it.</summary>
    private string StripComments(ReadOnlySpan<char> line)
    {
        if (!inComment && !line.Contains(CommentOpen, StringComparison.Ordinal))
        {
            return line.ToString();
        }

        var visible = new StringBuilder();
        while (true)
        {
            if (inComment)
            {
                var close = line.IndexOf(CommentClose, StringComparison.Ordinal);
                if (close < 0)
                {
                    return visible.ToString();
                }

                line = line[(close + CommentClose.Length)..];
                inComment = false;
            }
            else
            {
                var open = line.IndexOf(CommentOpen, StringComparison.Ordinal);
                if (open < 0)
                {
                    return visible.Append(line).ToString();
                }

                visible.Append(line[..open]);
                line = line[(open + CommentOpen.Length)..];
                inComment = true;
            }
        }
    }
}
