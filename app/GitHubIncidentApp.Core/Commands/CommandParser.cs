using System.Text;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>
/// Finds the slash commands in a comment, Prow-style: one per line, a line whose text starts (after at most
/// three spaces) with '/' and a name such as <c>/ack</c> or <c>/assign @alice</c>. Code, quotes and HTML comments
/// never hold commands (see <see cref="MarkdownLineScanner"/>). One pass over the text, so the work stays linear
/// even for a megabyte of comment.
/// </summary>
public static class CommandParser
{
    /// <summary>More than this per comment is a paste accident or abuse, not a responder at work.</summary>
    public const int MaxCommands = 20;

    /// <summary>Longer words after a '/' are paths or noise, not commands.</summary>
    private const int MaxNameLength = 32;

    public static ParsedCommands Parse(string commentBody)
    {
        // Arguments are compared and stored, so "é" typed as one character or two must be the same text.
        var text = WithoutLoneSurrogates(commentBody).Normalize(NormalizationForm.FormC);
        var scanner = new MarkdownLineScanner();
        var commands = new List<CommandLine>();
        var ignored = 0;
        int? firstIgnored = null;
        var lineNumber = 0;
        var start = 0;
        while (true)
        {
            lineNumber++;
            var length = text.AsSpan(start).IndexOfAny('\r', '\n');
            var line = length < 0 ? text.AsSpan(start) : text.AsSpan(start, length);
            if (scanner.Read(line) is { } plain && Command(plain, lineNumber) is { } command)
            {
                if (commands.Count < MaxCommands)
                {
                    commands.Add(command);
                }
                else
                {
                    ignored++;
                    firstIgnored ??= lineNumber;
                }
            }

            if (length < 0)
            {
                return new ParsedCommands(commands, ignored, firstIgnored);
            }

            var end = start + length;
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    /// <summary>The command a plain line starts with: '/', a letter, then letters, digits, '-' or '_' up to whitespace or the end.</summary>
    private static CommandLine? Command(string line, int lineNumber)
    {
        if (line.Length < 2 || line[0] != '/' || !char.IsAsciiLetter(line[1]))
        {
            return null;
        }

        var end = 2;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '-' or '_'))
        {
            end++;
        }

        // "/path/to", "/ack." and "/ack," are text that happens to start with a slash.
        if (end - 1 > MaxNameLength || (end < line.Length && !char.IsWhiteSpace(line[end])))
        {
            return null;
        }

        return new CommandLine(line[1..end].ToLowerInvariant(), line[end..].Trim(), lineNumber);
    }

    // Normalisation refuses text with a lone surrogate; GitHub can deliver one, so it becomes U+FFFD.
    private static string WithoutLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }
}
