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
}
