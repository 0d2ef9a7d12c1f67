using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

public sealed class LabelTemplateTests
{
    private readonly IncidentRenderer _renderer = new(TemplateSources.BuiltIn);

    private static IncidentView WithLabels(Dictionary<string, string> labels) => Views.Fixture("firing-critical.json") with { CommonLabels = labels };

    [Fact]
    public void Renders_label_values_into_the_label_name()
    {
        var view = WithLabels(new() { ["team"] = "argo" });

        Assert.Equal("team/argo", _renderer.RenderLabel("team/{{ labels.team }}", view));
        Assert.Equal("severity:critical", _renderer.RenderLabel("severity:{{ severity }}", view));
        Assert.Equal("ns/opf-jupyterhub", _renderer.RenderLabel("ns/{{ group_labels.namespace }}", view));
    }

    [Fact]
    public void Values_are_raw_not_markdown_escaped() =>
        Assert.Equal("svc/a_b*c@d", _renderer.RenderLabel("svc/{{ labels.service }}", WithLabels(new() { ["service"] = "a_b*c@d" })));

    [Fact]
    public void Newlines_and_commas_are_stripped_and_the_name_is_cut_to_50_chars()
    {
        Assert.Equal("team/ab cd", _renderer.RenderLabel("team/{{ labels.team }}", WithLabels(new() { ["team"] = "a,b\r\ncd,  " })));

        var longName = _renderer.RenderLabel("team/{{ labels.team }}", WithLabels(new() { ["team"] = new string('t', 80) }));
        Assert.Equal("team/" + new string('t', 45), longName);
    }

    [Theory]
    [InlineData("{{ labels.missing }}")]
    [InlineData("  {{ '' }}  ")]
    [InlineData("team/{{ if }}")]
    [InlineData("{{ while true }}x{{ end }}")]
    public void Empty_or_broken_label_templates_give_no_label(string template) =>
        Assert.Null(_renderer.RenderLabel(template, WithLabels(new() { ["team"] = "argo" })));

    [Fact]
    public void Failing_label_templates_are_reported_and_empty_ones_are_not()
    {
        var labels = _renderer.RenderLabels(["team/{{ if }}", "{{ labels.missing }}", "{{ while true }}x{{ end }}", "ops"], WithLabels(new() { ["team"] = "argo" }));

        Assert.Equal(["ops"], labels.Names);
        Assert.Equal(2, labels.Warnings.Count);
        Assert.StartsWith("the label template 'team/{{ if }}' failed, so its label was left out: line 1, col 12: Error while parsing if statement", labels.Warnings[0], StringComparison.Ordinal);
        Assert.EndsWith("failed, so its label was left out: line 1, col 17: Rendered output exceeds OutputLimit `4096`.", labels.Warnings[1], StringComparison.Ordinal);
    }
}
