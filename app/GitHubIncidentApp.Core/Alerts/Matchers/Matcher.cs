using System.Text;
using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Core.Alerts.Matchers;

/// <summary>
/// One Alertmanager matcher such as <c>team="argo"</c> or <c>namespace=~"opf-.*"</c>, with Alertmanager's
/// semantics: a missing label equals the empty string, and a regular expression must match the whole value.
/// </summary>
public sealed class Matcher
{
    /// <summary>A backstop only: regexes run without backtracking, so matching is linear in the label's length.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>What <see cref="Regex"/> puts before the pattern; subtracted from error offsets.</summary>
    private const string AnchorStart = "^(?:";

    private readonly Regex? regex;

    private Matcher(string name, MatchOperator op, string value, Regex? regex)
    {
        Name = name;
        Operator = op;
        Value = value;
        this.regex = regex;
    }

    public string Name { get; }

    public MatchOperator Operator { get; }

    /// <summary>The value as written, unescaped; for the regex operators, the pattern without the added anchors.</summary>
    public string Value { get; }

    /// <summary>Parses exactly one matcher, such as <c>team="argo"</c>; braces around it are allowed.</summary>
    public static MatcherParseResult<Matcher> Parse(string text)
    {
        var parsed = MatcherSyntax.Parse(text);
        if (!parsed.IsValid)
        {
            return new(null, parsed.Error);
        }

        return parsed.Value.Count == 1
            ? new(parsed.Value[0], null)
            : new(null, parsed.Value.Count == 0
                ? "is empty; write a matcher such as team=\"argo\""
                : $"holds {parsed.Value.Count} matchers where one is expected; give each its own entry");
    }

    /// <summary>A matcher from its parts; fails only for a regex operator with an invalid pattern.</summary>
    public static MatcherParseResult<Matcher> Create(string name, MatchOperator op, string value)
    {
        if (op is MatchOperator.Equal or MatchOperator.NotEqual)
        {
            return new(new Matcher(name, op, value, null), null);
        }

        try
        {
            // Non-backtracking like Alertmanager's RE2: linear time on untrusted label values, and the same missing features.
            var regex = new Regex(
                $"{AnchorStart}{value})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
            return new(new Matcher(name, op, value, regex), null);
        }
        catch (RegexParseException ex)
        {
            var offset = Math.Clamp(ex.Offset - AnchorStart.Length, 0, value.Length);
            return new(null, $"the regular expression \"{value}\" is invalid: {Words(ex.Error)} at offset {offset}");
        }
        catch (NotSupportedException)
        {
            return new(null, $"the regular expression \"{value}\" uses backreferences, lookarounds or atomic groups, which Alertmanager's regexes do not support either; rewrite it without them");
        }
    }

    /// <summary>Whether the labels satisfy this matcher; a label that is absent counts as empty.</summary>
    /// <remarks>A regex that times out satisfies neither =~ nor !~, so the route is skipped rather than the alert lost.</remarks>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var actual = labels.TryGetValue(Name, out var value) ? value : "";
        try
        {
            return Operator switch
            {
                MatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
                MatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
                MatchOperator.Regex => regex!.IsMatch(actual),
                _ => !regex!.IsMatch(actual),
            };
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static string Symbol(MatchOperator op) => op switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        _ => "!~",
    };

    /// <summary>The matcher in the syntax it was parsed from, value always quoted: <c>team="argo"</c>.</summary>
    public override string ToString() =>
        $"{(MatcherSyntax.NeedsQuotes(Name) ? Quote(Name) : Name)}{Symbol(Operator)}{Quote(Value)}";

    private static string Quote(string text) =>
        $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"";

    /// <summary><c>InsufficientClosingParentheses</c> becomes "insufficient closing parentheses".</summary>
    private static string Words(RegexParseError error)
    {
        var words = new StringBuilder();
        foreach (var c in error.ToString())
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
