using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public sealed class StormSectionTests
{
    [Fact]
    public void Without_a_section_storms_take_ten_groups_in_two_minutes_and_critical_groups_keep_their_issues()
    {
        var storm = IncidentConfigParser.Parse("labels: [x]").Config.Storm;

        Assert.Equal(new StormConfig { Enabled = true, Threshold = 10, Window = TimeSpan.FromMinutes(2), OwnIssue = "critical" }, storm);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var result = IncidentConfigParser.Parse("""
            storm: { enabled: false, threshold: 25, window: 5m, own_issue: warning }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(new StormConfig { Enabled = false, Threshold = 25, Window = TimeSpan.FromMinutes(5), OwnIssue = "warning" }, result.Config.Storm);
    }

    [Fact]
    public void Custom_levels_without_a_storm_section_give_their_most_severe_its_own_issue()
    {
        var result = IncidentConfigParser.Parse("""
            severity:
              default: p3
              levels:
                - { name: p1, label: sev/p1 }
                - { name: p3, label: sev/p3 }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal("p1", result.Config.Storm.OwnIssue);
    }

    [Theory]
    [InlineData("storm: { threshold: 0 }", 1, 21, "not a whole number of at least 1")]
    [InlineData("storm: { threshold: 501 }", 1, 21, "at most 500")]
    [InlineData("storm: { window: 0s }", 1, 18, "more than 0 and at most 1h")]
    [InlineData("storm: { window: 2h }", 1, 18, "more than 0 and at most 1h")]
    [InlineData("storm: { own_issue: p0 }", 1, 21, "names no severity level; use one of critical, warning, info")]
    [InlineData("storm: { thresold: 5 }", 1, 10, "unknown key 'thresold'")]
    public void Problems_are_reported_where_they_are(string yaml, int line, int column, string message)
    {
        var result = IncidentConfigParser.Parse(yaml);

        var problem = Assert.Single(result.Errors);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentConfig.Default, result.Config);
    }
}
