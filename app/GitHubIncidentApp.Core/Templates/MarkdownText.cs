using System.Text;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>
/// Makes untrusted text (alert labels and annotations) safe to place in GitHub Markdown:
/// no mentions, no issue references, no markup, nothing that breaks a table row.
/// </summary>
public static class MarkdownText
{
    /// <summary>Zero-width space as an HTML entity: breaks a mention or reference without changing what the reader sees.</summary>
    private const string BreakEntity = "&#8203;";
    private const char BreakChar = '\u200B';

    /// <summary>Escapes text for inline use anywhere in a Markdown document, table cells included.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    result.Append("<br>");
                    break;
                case '\t':
                    result.Append(' ');
                    break;
                case < ' ':
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '[' or ']' or '|' or '~':
                    result.Append('\\').Append(c);
                    break;
                // GitHub does not emphasise inside words, so snake_case stays readable (and label names stay usable as keys).
                case '_' when !(IsWordChar(text, i - 1) && IsWordChar(text, i + 1)):
                    result.Append("\\_");
                    break;
                // A leading '#' would start a heading when a template puts the value at the start of a line.
                case '#' when i == 0 && !NeedsBreakAfter(text, i):
                    result.Append("\\#");
                    break;
                default:
                    result.Append(c);
                    if (NeedsBreakAfter(text, i))
                    {
                        result.Append(BreakEntity);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Makes text fit for an issue title: one line, single spaces, no mentions or references.
    /// Titles are plain text, so the break is a real zero-width space rather than an entity.
    /// </summary>
    public static string ToTitle(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }

                continue;
            }

            result.Append(c);
            if (NeedsBreakAfter(text, i))
            {
                result.Append(BreakChar);
            }
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>
    /// Returns the URL as a Markdown link destination when it is an absolute http(s) URL, otherwise null:
    /// other schemes (javascript:, data:, relative paths) are never emitted as links.
    /// </summary>
    public static string? ToLinkTarget(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // AbsoluteUri already percent-encodes spaces and angle brackets; parentheses would end the destination early.
        return uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> chars without splitting a surrogate pair.</summary>
    internal static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = Math.Max(0, maxLength);
        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }

    /// <summary>
    /// True after the '@' of a mention (<c>@user</c>, <c>@org/team</c>), the '#' of a reference
    /// (<c>#12</c>, <c>owner/repo#12</c>) or the '-' of <c>GH-12</c>.
    /// </summary>
    private static bool NeedsBreakAfter(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '@' => char.IsAsciiLetterOrDigit(next),
            '#' => char.IsAsciiDigit(next),
            '-' => char.IsAsciiDigit(next) && i >= 2
                && char.ToUpperInvariant(text[i - 2]) == 'G' && char.ToUpperInvariant(text[i - 1]) == 'H'
                && !IsWordChar(text, i - 3),
            _ => false,
        };
    }

    private static bool IsWordChar(string text, int i) => i >= 0 && i < text.Length && char.IsLetterOrDigit(text[i]);
}
