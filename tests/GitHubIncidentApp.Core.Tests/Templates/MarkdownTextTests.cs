using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("ping @alice now", "ping @&#8203;alice now")]
    [InlineData("@org/sre-team", "@&#8203;org/sre-team")]
    [InlineData("see #123", "see #&#8203;123")]
    [InlineData("acme/ops#7", "acme/ops#&#8203;7")]
    [InlineData("GH-42 and gh-7", "GH-&#8203;42 and gh-&#8203;7")]
    [InlineData("C# and a-42 and xGH-1", "C# and a-42 and xGH-1")]
    [InlineData("mail admin@ (nothing)", "mail admin@ (nothing)")]
    public void Escape_breaks_mentions_and_references(string input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("[click](http://evil)", "\\[click\\](http://evil)")]
    [InlineData("*bold* ~~gone~~", "\\*bold\\* \\~\\~gone\\~\\~")]
    [InlineData("line1\nline2\r\nline3", "line1<br>line2<br>line3")]
    [InlineData("&#64;alice", "&amp;#&#8203;64;alice")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("# heading", "\\# heading")]
    public void Escape_neutralises_markup_that_would_break_a_table_or_inject_html(string input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));

    [Theory]
    [InlineData("snake_case_name", "snake_case_name")]
    [InlineData("_emphasis_", "\\_emphasis\\_")]
    [InlineData("a _b_ c", "a \\_b\\_ c")]
    public void Escape_keeps_underscores_inside_words_so_label_names_stay_usable(string input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));

    [Fact]
    public void ToTitle_collapses_whitespace_and_breaks_mentions_with_a_real_zero_width_space() =>
        Assert.Equal("@\u200Bbob broke #\u200B12 GH-\u200B3 again", MarkdownText.ToTitle("  @bob broke\n#12 \t GH-3\r\nagain  "));

    [Theory]
    [InlineData("https://example.org/runbook", "https://example.org/runbook")]
    [InlineData("http://prom:9090/graph?g0.expr=up", "http://prom:9090/graph?g0.expr=up")]
    [InlineData("http://example.org/a(b)", "http://example.org/a%28b%29")]
    [InlineData("http://example.org/<x> y", "http://example.org/%3Cx%3E%20y")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,hi", null)]
    [InlineData("ftp://example.org/", null)]
    [InlineData("/relative/path", null)]
    [InlineData("", null)]
    public void ToLinkTarget_accepts_only_absolute_http_urls(string input, string? expected) =>
        Assert.Equal(expected, MarkdownText.ToLinkTarget(input));
}
