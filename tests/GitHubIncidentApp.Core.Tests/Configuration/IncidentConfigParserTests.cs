using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class IncidentConfigParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# incident settings\n# nothing yet\n")]
    [InlineData("---\n")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("# settings\n---\n---\n")]
    public void A_file_without_settings_gives_the_defaults(string yaml)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.True(result.IsValid);
        Assert.Same(IncidentConfig.Default, result.Config);
    }

    [Fact]
    public void A_full_file_sets_every_setting()
    {
        const string yaml = """
            incident_label: outage
            labels: ["alerts", "team/{{ labels.team }}"]
            severity:
              label: priority
              default: p2
              levels:
                - { name: p1, label: severity/p1, color: b60205, aliases: [page, sev1] }
                - { name: p2, label: severity/p2, color: "#FBCA04" }
                - name: p3
            resolve:
              close: false
              label: fixed
              reopen_window: 1h30m
            templates:
              title: .github/incident-templates/title.scriban
              body: .github/incident-templates/body.scriban
              comment: templates/comment.scriban
            incident_key:
              labels: [alertname, namespace]
            """;

        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        var config = result.Config;
        Assert.Equal("outage", config.IncidentLabel);
        Assert.Equal(["alerts", "team/{{ labels.team }}"], config.Labels);
        Assert.Equal("priority", config.Severity.Label);
        Assert.Equal("p2", config.Severity.Default);
        Assert.Collection(
            config.Severity.Levels,
            level => Assert.Equal(("p1", "severity/p1", "b60205", "page,sev1"), Flatten(level)),
            level => Assert.Equal(("p2", "severity/p2", "fbca04", ""), Flatten(level)),
            level => Assert.Equal(("p3", "severity/p3", "ededed", ""), Flatten(level)));
        Assert.Equal(new ResolveConfig { Close = false, Label = "fixed", ReopenWindow = TimeSpan.FromMinutes(90) }, config.Resolve);
        Assert.Equal(
            new TemplatePaths
            {
                Title = ".github/incident-templates/title.scriban",
                Body = ".github/incident-templates/body.scriban",
                Comment = "templates/comment.scriban",
            },
            config.Templates);
        Assert.Equal(["alertname", "namespace"], config.IncidentKeyLabels);
    }

    [Fact]
    public void Unset_sections_and_keys_keep_their_defaults()
    {
        const string yaml = """
            resolve:
              reopen_window: 0
            templates:
            severity:
              default: info
            """;

        var config = IncidentConfigParser.Parse(yaml).Config;

        var defaults = IncidentConfig.Default;
        Assert.Equal(defaults with { Resolve = defaults.Resolve with { ReopenWindow = TimeSpan.Zero }, Severity = defaults.Severity with { Default = "info" } }, config);
    }

    [Fact]
    public void Routes_must_name_rotations_and_policies_the_file_defines()
    {
        const string yaml = """
            oncall:
              rotations:
                primary: { members: [alice, bob], start: 2026-11-02T09:00, shift: 1w }
            escalation:
              default: { steps: [{ notify: primary }] }
            routes:
              - matchers: ['team="argo"']
                assign: [primry]
                escalation: default
            """;

        var result = IncidentConfigParser.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal(8, error.Line);
        Assert.Contains("primry", error.Message, StringComparison.Ordinal);
        Assert.Contains("primary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extends_key_alone_leaves_the_defaults()
    {
        const string yaml = """
            _extends: .github
            """;

        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(IncidentConfig.Default, result.Config);
    }

    [Theory]
    [InlineData("0e8a16", "0e8a16")]
    [InlineData("123456", "123456")]
    [InlineData("008000", "008000")]
    [InlineData("1e5000", "1e5000")]
    [InlineData("\"#B60205\"", "b60205")]
    [InlineData("'0E8A16'", "0e8a16")]
    public void Colors_are_read_from_the_source_text_even_when_yaml_sees_a_number(string written, string expected)
    {
        var yaml = $"severity:\n  levels:\n    - name: warning\n      color: {written}\n";

        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, Assert.Single(result.Config.Severity.Levels).Color);
    }

    [Fact]
    public void Plain_scalars_of_any_kind_are_strings()
    {
        var config = IncidentConfigParser.Parse("incident_label: 2024\nlabels: [true, 1.5]").Config;

        Assert.Equal("2024", config.IncidentLabel);
        Assert.Equal(["true", "1.5"], config.Labels);
    }

    [Fact]
    public void Anchors_and_aliases_are_followed()
    {
        const string yaml = """
            labels: &common [alerts, oncall]
            incident_key:
              labels: *common
            """;

        var config = IncidentConfigParser.Parse(yaml).Config;

        Assert.Equal(["alerts", "oncall"], config.IncidentKeyLabels);
    }

    [Fact]
    public void A_templated_label_may_be_longer_than_a_label_before_rendering()
    {
        var template = "team/{{ labels.team | string.truncate 20 }}/{{ labels.namespace }}";

        var result = IncidentConfigParser.Parse($"labels: [\"{template}\"]");

        Assert.Empty(result.Errors);
        Assert.Equal([template], result.Config.Labels);
    }

    [Fact]
    public void A_long_flat_file_parses_quickly()
    {
        var yaml = "labels:\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"  - l{i}\n"));

        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(20_000, result.Config.Labels.Count);
    }

    [Fact]
    public void At_most_twenty_label_templates_are_allowed_and_fixed_labels_do_not_count()
    {
        static string Labels(int templates) =>
            "labels:\n  - ops\n" + string.Concat(Enumerable.Range(0, templates).Select(i => $"  - \"t{i}/{{{{ labels.team }}}}\"\n"));

        Assert.Empty(IncidentConfigParser.Parse(Labels(IncidentConfigParser.MaxLabelTemplates)).Errors);
        var result = IncidentConfigParser.Parse(Labels(IncidentConfigParser.MaxLabelTemplates + 1));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Equal(
            "'labels' has 21 label templates; at most 20 are allowed because each runs on every delivery: keep the ones people filter by, and give fixed labels through 'routes' instead",
            error.Message);
        Assert.Empty(result.Config.Labels);
    }

    private static (string, string, string, string) Flatten(SeverityLevel level) =>
        (level.Name, level.GitHubLabel, level.Color, string.Join(',', level.Aliases));
}
