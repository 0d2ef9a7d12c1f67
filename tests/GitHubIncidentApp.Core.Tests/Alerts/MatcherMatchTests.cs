using GitHubIncidentApp.Core.Alerts.Matchers;

namespace GitHubIncidentApp.Core.Tests.Alerts;

public class MatcherMatchTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["namespace"] = "opf-jupyter",
        ["team"] = "argo",
        ["severity"] = "critical",
        ["empty"] = "",
    };

    [Theory]
    // Equality is exact and case-sensitive.
    [InlineData("team=argo", true)]
    [InlineData("team=Argo", false)]
    [InlineData("team=arg", false)]
    [InlineData("team!=argo", false)]
    [InlineData("team!=flux", true)]
    // Regexes are anchored at both ends, like Alertmanager's.
    [InlineData("namespace=~opf", false)]
    [InlineData("namespace=~jupyter", false)]
    [InlineData("namespace=~opf.*", true)]
    [InlineData("namespace=~.*jupyter", true)]
    [InlineData("namespace!~opf", true)]
    [InlineData("namespace!~opf-.*", false)]
    [InlineData("severity=~\"critical|warning\"", true)]
    [InlineData("severity=~\"warn|critical\"", true)]
    [InlineData("severity=~\"crit|warning\"", false)]
    // A missing label equals the empty string; so does an empty one.
    [InlineData("owner=\"\"", true)]
    [InlineData("owner!=\"\"", false)]
    [InlineData("empty=\"\"", true)]
    [InlineData("team=\"\"", false)]
    [InlineData("team!=\"\"", true)]
    [InlineData("owner=~.*", true)]
    [InlineData("owner=~.+", false)]
    [InlineData("owner!~.+", true)]
    [InlineData("owner!=argo", true)]
    public void Matches_like_alertmanager(string matcher, bool expected)
    {
        var parsed = Matcher.Parse(matcher);
        Assert.True(parsed.IsValid, parsed.Error);

        Assert.Equal(expected, parsed.Value.Matches(Labels));
    }

    [Fact]
    public void Anchors_wrap_the_whole_alternation()
    {
        // Without the group, ^a|b$ would match "ab" through its first branch.
        var matcher = Matcher.Parse("team=~a|b").Value!;

        Assert.True(matcher.Matches(new Dictionary<string, string> { ["team"] = "b" }));
        Assert.False(matcher.Matches(new Dictionary<string, string> { ["team"] = "ab" }));
    }

    [Fact]
    public void Regexes_take_untrusted_values_in_linear_time()
    {
        // (a+)+$ backtracks exponentially on "aaa...b"; without backtracking it is immediate.
        var matcher = Matcher.Parse("x=~\"(a+)+\"").Value!;

        Assert.False(matcher.Matches(new Dictionary<string, string> { ["x"] = new string('a', 10_000) + "b" }));
    }

    [Theory]
    [InlineData("{namespace=~\"opf-.*\", severity!=info}", true)]
    [InlineData("{namespace=~\"opf-.*\", severity=info}", false)]
    [InlineData("{}", true)]
    public void A_set_matches_when_all_its_matchers_do(string set, bool expected) =>
        Assert.Equal(expected, MatcherSet.Parse(set).Value!.Matches(Labels));
}
