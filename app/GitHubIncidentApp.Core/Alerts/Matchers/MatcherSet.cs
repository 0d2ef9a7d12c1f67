namespace GitHubIncidentApp.Core.Alerts.Matchers;

/// <summary>Matchers that must all hold; an empty set matches everything, as in Alertmanager.</summary>
public sealed class MatcherSet
{
    public static MatcherSet Empty { get; } = new([]);

    public MatcherSet(IReadOnlyList<Matcher> matchers) => Matchers = matchers;

    public IReadOnlyList<Matcher> Matchers { get; }

    public bool IsEmpty => Matchers.Count == 0;

    /// <summary>
    /// Parses matchers separated by commas, optionally in braces: <c>{a="1", b=~"x.*"}</c> or <c>a=1, b=~x.*</c>.
    /// Empty text and <c>{}</c> give the empty set.
    /// </summary>
    public static MatcherParseResult<MatcherSet> Parse(string text)
    {
        var parsed = MatcherSyntax.Parse(text);
        return parsed.IsValid ? new(new MatcherSet(parsed.Value), null) : new(null, parsed.Error);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Matchers.All(matcher => matcher.Matches(labels));

    public override string ToString() => $"{{{string.Join(", ", Matchers)}}}";
}
