using GitHubIncidentApp.Core.Alerts.Matchers;

namespace GitHubIncidentApp.Core.Tests.Alerts;

public class MatcherParseTests
{
    public static TheoryData<string, string, MatchOperator, string> Valid => new()
    {
        // Operators.
        { "team=argo", "team", MatchOperator.Equal, "argo" },
        { "team!=argo", "team", MatchOperator.NotEqual, "argo" },
        { "namespace=~opf-.*", "namespace", MatchOperator.Regex, "opf-.*" },
        { "namespace!~opf-.*", "namespace", MatchOperator.NotRegex, "opf-.*" },

        // Quoting and escapes.
        { "team=\"argo\"", "team", MatchOperator.Equal, "argo" },
        { "team=\"\"", "team", MatchOperator.Equal, "" },
        { "msg=\"say \\\"hi\\\"\"", "msg", MatchOperator.Equal, "say \"hi\"" },
        { "path=\"C:\\\\tmp\"", "path", MatchOperator.Equal, "C:\\tmp" },
        { "text=\"a\\nb\\tc\"", "text", MatchOperator.Equal, "a\nb\tc" },
        { "host=~\"web\\\\.[0-9]+\"", "host", MatchOperator.Regex, "web\\.[0-9]+" },
        { "msg=\"a, b {c} != d\"", "msg", MatchOperator.Equal, "a, b {c} != d" },
        { "\"my label\"=x", "my label", MatchOperator.Equal, "x" },
        { "team=ärgo", "team", MatchOperator.Equal, "ärgo" },
        { "job=node:9100/metrics", "job", MatchOperator.Equal, "node:9100/metrics" },

        // Whitespace and braces.
        { "  team  =  \"argo\"  ", "team", MatchOperator.Equal, "argo" },
        { "team =~ argo", "team", MatchOperator.Regex, "argo" },
        { "{team=\"argo\"}", "team", MatchOperator.Equal, "argo" },
        { " { team != argo , } ", "team", MatchOperator.NotEqual, "argo" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_one_matcher(string text, string name, MatchOperator op, string value)
    {
        var result = Matcher.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(name, result.Value.Name);
        Assert.Equal(op, result.Value.Operator);
        Assert.Equal(value, result.Value.Value);
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "", "is empty; write a matcher such as team=\"argo\"" },
        { "=argo", "column 1: expected a label name, found '='" },
        { "\"\"=argo", "column 1: the label name is empty; write a name such as team=\"argo\"" },
        { "team", "column 5: expected an operator (=, !=, =~ or !~) after 'team', found the end of the text" },
        { "team:argo", "column 10: expected an operator (=, !=, =~ or !~) after 'team:argo', found the end of the text" },
        { "team~=argo", "column 5: expected an operator (=, !=, =~ or !~) after 'team', found '~'" },
        { "team!argo", "column 5: '!' must be followed by '=' or '~'; the operators are =, !=, =~ and !~" },
        { "team==argo", "column 6: expected a value after '=' (write \"\" for the empty value), found '='" },
        { "team=", "column 6: expected a value after '=' (write \"\" for the empty value), found the end of the text" },
        { "team=\"argo", "column 6: the quoted text starting here has no closing '\"'" },
        { "team=\"argo\\\"", "column 6: the quoted text starting here has no closing '\"'" },
        { "team='argo'", "column 6: expected a value after '=' (write \"\" for the empty value), found '''" },
        { "host=~\"web\\.example\"", "column 11: unknown escape '\\.' in a quoted string; the escapes are \\\", \\\\, \\n and \\t, so a regex's \\. is written \"\\\\.\" in quotes (or leave the value unquoted)" },
        { "team=~\"(argo\"", "column 7: the regular expression \"(argo\" is invalid: insufficient closing parentheses at offset 5" },
        { "team=~\"[a-\"", "column 7: the regular expression \"[a-\" is invalid: unterminated bracket at offset 3" },
        { "team=~\"(a)\\\\1\"", "column 7: the regular expression \"(a)\\1\" uses backreferences, lookarounds or atomic groups, which Alertmanager's regexes do not support either; rewrite it without them" },
        { "team=argo env=prod", "column 11: expected ',' between matchers, found 'e'" },
        { "team=argo, env=prod", "holds 2 matchers where one is expected; give each its own entry" },
        { "{team=argo", "column 1: the '{' here is never closed; end the list with '}'" },
        { "team=argo}", "column 10: this '}' has no matching '{'" },
        { "{team=argo} x", "column 13: unexpected 'x' after the closing '}'" },
        { "{team=argo,,}", "column 12: expected a label name, found ','" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Reports_what_is_wrong_and_where(string text, string error)
    {
        var result = Matcher.Parse(text);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("{namespace=~\"opf-jupyter.*\", severity!=\"info\"}", 2)]
    [InlineData("namespace=~opf-jupyter.*,severity!=info", 2)]
    [InlineData("{ a=\"1\" , b=~\"x.*\" , c!~y }", 3)]
    [InlineData("{}", 0)]
    [InlineData("  ", 0)]
    public void Parses_a_list_with_or_without_braces(string text, int count)
    {
        var result = MatcherSet.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(count, result.Value.Matchers.Count);
    }

    [Theory]
    [InlineData("team=argo", "team=\"argo\"")]
    [InlineData("msg=\"a\\\"b\\\\c\\nd\"", "msg=\"a\\\"b\\\\c\\nd\"")]
    [InlineData("\"my label\"!=x", "\"my label\"!=\"x\"")]
    public void Prints_a_matcher_that_parses_back_to_itself(string text, string printed)
    {
        var matcher = Matcher.Parse(text).Value!;

        Assert.Equal(printed, matcher.ToString());
        var again = Matcher.Parse(printed).Value!;
        Assert.Equal((matcher.Name, matcher.Operator, matcher.Value), (again.Name, again.Operator, again.Value));
    }

    [Fact]
    public void Prints_a_set_in_braces() =>
        Assert.Equal("{a=\"1\", b=~\"x.*\"}", MatcherSet.Parse("a=1,b=~x.*").Value!.ToString());
}
