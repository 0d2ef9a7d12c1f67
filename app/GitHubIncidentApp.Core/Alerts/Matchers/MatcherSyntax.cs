using System.Text;

namespace GitHubIncidentApp.Core.Alerts.Matchers;

/// <summary>
/// Reads Alertmanager's matcher syntax (its UTF-8 parser): <c>name op value</c> separated by commas, optionally in
/// braces. Names and values are either quoted with double quotes or a run of characters that are neither spaces nor
/// one of <c>{}!=~,"'`</c>. Errors name the 1-based column in the text.
/// </summary>
internal sealed class MatcherSyntax
{
    private const string Reserved = "{}!=~,\"'`";

    private readonly string text;
    private int position;

    private MatcherSyntax(string text) => this.text = text;

    private bool AtEnd => position >= text.Length;

    public static MatcherParseResult<IReadOnlyList<Matcher>> Parse(string text)
    {
        try
        {
            return new(new MatcherSyntax(text).ReadAll(), null);
        }
        catch (SyntaxError error)
        {
            return new(null, error.Message);
        }
    }

    /// <summary>Whether a label name must be quoted to be read back.</summary>
    public static bool NeedsQuotes(string name) => name.Length == 0 || name.Any(IsReserved);

    private static bool IsReserved(char c) => char.IsWhiteSpace(c) || Reserved.Contains(c, StringComparison.Ordinal);

    private List<Matcher> ReadAll()
    {
        SkipSpace();
        var open = position;
        var braced = Accept('{');
        var matchers = new List<Matcher>();
        SkipSpace();
        while (!AtEnd && !(braced && text[position] == '}'))
        {
            matchers.Add(ReadMatcher());
            SkipSpace();
            if (!AtEnd && text[position] != ',' && text[position] != '}')
            {
                throw Error(position, $"expected ',' between matchers, found {Found()}");
            }

            if (!Accept(','))
            {
                break;
            }

            SkipSpace();
        }

        if (braced && !Accept('}'))
        {
            throw Error(open, "the '{' here is never closed; end the list with '}'");
        }

        SkipSpace();
        if (!AtEnd)
        {
            throw text[position] == '}'
                ? Error(position, "this '}' has no matching '{'")
                : Error(position, $"unexpected {Found()} after the closing '}}'");
        }

        return matchers;
    }

    private Matcher ReadMatcher()
    {
        var nameStart = position;
        var name = ReadText("a label name");
        if (name.Length == 0)
        {
            throw Error(nameStart, "the label name is empty; write a name such as team=\"argo\"");
        }

        SkipSpace();
        var op = ReadOperator(name);
        SkipSpace();
        var valueStart = position;
        var value = ReadText($"a value after '{Matcher.Symbol(op)}' (write \"\" for the empty value)");
        var created = Matcher.Create(name, op, value);
        return created.IsValid ? created.Value : throw Error(valueStart, created.Error);
    }

    private MatchOperator ReadOperator(string name)
    {
        var start = position;
        if (Accept('='))
        {
            return Accept('~') ? MatchOperator.Regex : MatchOperator.Equal;
        }

        if (Accept('!'))
        {
            return Accept('=') ? MatchOperator.NotEqual
                : Accept('~') ? MatchOperator.NotRegex
                : throw Error(start, "'!' must be followed by '=' or '~'; the operators are =, !=, =~ and !~");
        }

        throw Error(start, $"expected an operator (=, !=, =~ or !~) after '{name}', found {Found()}");
    }

    /// <summary>A quoted or unquoted name or value.</summary>
    private string ReadText(string what)
    {
        if (AtEnd)
        {
            throw Error(position, $"expected {what}, found the end of the text");
        }

        if (text[position] == '"')
        {
            return ReadQuoted();
        }

        if (IsReserved(text[position]))
        {
            throw Error(position, $"expected {what}, found {Found()}");
        }

        var start = position;
        while (!AtEnd && !IsReserved(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private string ReadQuoted()
    {
        var start = position++;
        var value = new StringBuilder();
        while (!AtEnd)
        {
            var c = text[position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            value.Append(AtEnd ? '\\' : text[position] switch
            {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                't' => '\t',
                var other => throw Error(position - 1, $"unknown escape '\\{other}' in a quoted string; the escapes are \\\", \\\\, \\n and \\t, so a regex's \\. is written \"\\\\.\" in quotes (or leave the value unquoted)"),
            });
            position++;
        }

        throw Error(start, "the quoted text starting here has no closing '\"'");
    }

    private bool Accept(char c)
    {
        if (AtEnd || text[position] != c)
        {
            return false;
        }

        position++;
        return true;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private string Found() => AtEnd ? "the end of the text" : $"'{text[position]}'";

    private static SyntaxError Error(int at, string message) => new($"column {at + 1}: {message}");

    /// <summary>Unwinds the recursive descent to <see cref="Parse"/>, which turns it into a result.</summary>
    private sealed class SyntaxError(string message) : Exception(message);
}
