using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public sealed class StatusPageSectionTests
{
    [Theory]
    [InlineData("labels: [x]", false)]
    [InlineData("status_page: false", false)]
    [InlineData("status_page: true", true)]
    public void A_repository_has_a_status_page_only_when_it_opts_in(string yaml, bool expected)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Config.StatusPage);
    }

    [Fact]
    public void A_value_that_is_no_boolean_is_a_located_problem_and_keeps_the_page_off()
    {
        var result = IncidentConfigParser.Parse("labels: [x]\nstatus_page: yes please\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("status_page", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.False(result.Config.StatusPage);
    }
}
