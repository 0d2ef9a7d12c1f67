using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public sealed class NativeFieldsSectionTests
{
    [Fact]
    public void Without_the_keys_no_issue_type_is_set_and_top_severity_incidents_are_pinned()
    {
        var config = IncidentConfigParser.Parse("labels: [x]").Config;

        Assert.Null(config.IssueType);
        Assert.True(config.Pin);
    }

    [Fact]
    public void Both_keys_are_read()
    {
        var result = IncidentConfigParser.Parse("issue_type: ' Incident '\npin: false\n");

        Assert.Empty(result.Errors);
        Assert.Equal("Incident", result.Config.IssueType);
        Assert.False(result.Config.Pin);
    }

    [Theory]
    [InlineData("issue_type: ''", "is empty")]
    [InlineData("issue_type: [Incident]", "issue_type")]
    [InlineData("pin: sometimes", "pin")]
    public void A_bad_value_is_a_located_problem_and_falls_back_to_the_default(string yaml, string expected)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.Contains(expected, Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
        Assert.Null(result.Config.IssueType);
        Assert.True(result.Config.Pin);
    }

    [Fact]
    public void An_attackers_huge_issue_type_is_refused()
    {
        var result = IncidentConfigParser.Parse($"issue_type: {new string('x', 100_000)}\n");

        Assert.Contains("GitHub's issue type names have at most 255", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Null(result.Config.IssueType);
    }

    [Fact]
    public void Severity_field_is_a_name_or_a_name_with_values_by_level()
    {
        Assert.Null(IncidentConfigParser.Parse("pin: true").Config.SeverityField);

        var plain = IncidentConfigParser.Parse("severity_field: ' Severity '\n");
        Assert.Empty(plain.Errors);
        Assert.Equal("Severity", plain.Config.SeverityField!.Name);
        Assert.Empty(plain.Config.SeverityField.Values);

        var mapped = IncidentConfigParser.Parse("severity_field:\n  name: Severity\n  values: { critical: P0, info: P3 }\n");
        Assert.Empty(mapped.Errors);
        Assert.Equal("P0", mapped.Config.SeverityField!.ValueFor("critical"));
        Assert.Equal("warning", mapped.Config.SeverityField.ValueFor("warning"));
        Assert.Equal("P3", mapped.Config.SeverityField.ValueFor("info"));
    }

    [Theory]
    [InlineData("severity_field: ''", "'severity_field' is empty", 1)]
    [InlineData("severity_field: [Severity]", "'severity_field' must be a mapping with the keys name, values", 1)]
    [InlineData("severity_field: { values: { critical: P0 } }", "'severity_field' needs 'name'", 1)]
    [InlineData("severity_field:\n  name: Severity\n  values: { critcal: P0 }", "unknown key 'critcal' in 'severity_field.values'; did you mean 'critical'?", 3)]
    [InlineData("severity_field:\n  name: Severity\n  values: { critical: '' }", "'severity_field.values.critical' is empty", 3)]
    public void A_bad_severity_field_is_a_located_problem_and_sets_no_field(string yaml, string expected, int line)
    {
        var result = IncidentConfigParser.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Null(result.Config.SeverityField);
    }

    [Fact]
    public void An_attackers_huge_severity_field_value_is_refused()
    {
        var result = IncidentConfigParser.Parse($"severity_field: {{ name: Severity, values: {{ critical: {new string('x', 100_000)} }} }}\n");

        Assert.Contains("may have at most 255", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Null(result.Config.SeverityField);
    }
}
