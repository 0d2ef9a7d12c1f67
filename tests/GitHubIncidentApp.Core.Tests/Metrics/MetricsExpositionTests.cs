using System.Diagnostics.Metrics;
using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Metrics;

/// <summary>The Prometheus text format written from a meter's instruments.</summary>
public sealed class MetricsExpositionTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("a \"quote\"", "a \\\"quote\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    public void Escapes_label_values(string value, string written) =>
        Assert.Equal(written, MetricsText.EscapeLabelValue(value));

    [Fact]
    public void Writes_a_family_with_help_type_and_escaped_labels()
    {
        using var meter = new Meter("test");
        using var exposition = new MetricsExposition(meter);
        var counter = new DeclaredCounter(meter, "x", "Help with a \\ and a\nnewline.", ["reason"], [["a \"b\""]]);
        counter.Increment("a \"b\"");
        counter.Increment("a \"b\"");

        var text = exposition.Collect();

        Assert.Equal("# HELP x_total Help with a \\\\ and a\\nnewline.\n# TYPE x_total counter\nx_total{reason=\"a \\\"b\\\"\"} 2\n", text);
    }
}
