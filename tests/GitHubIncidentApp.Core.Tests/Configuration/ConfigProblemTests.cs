using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Configuration;

/// <summary>The one human rendering of a config problem, which the issue note, the log and <c>validate</c> print.</summary>
public class ConfigProblemTests
{
    private static readonly RepoRef Shop = new("acme", "shop");

    [Fact]
    public void A_located_problem_reads_path_line_column_message()
    {
        var problem = new ConfigProblem(".github/incidents.yml", 3, 5, "unknown key 'lables'; did you mean 'labels'?");

        Assert.Equal(".github/incidents.yml:3:5: unknown key 'lables'; did you mean 'labels'?", problem.ToString());
        Assert.Equal(ConfigSeverity.Error, problem.Severity);
    }

    [Fact]
    public void A_problem_about_the_whole_file_has_no_position()
    {
        var problem = new ConfigProblem(".github/incidents.yml", null, null, "the title template '.github/t.scriban' does not exist on the default branch");

        Assert.Equal(".github/incidents.yml: the title template '.github/t.scriban' does not exist on the default branch", problem.ToString());
    }

    [Fact]
    public void A_base_s_file_is_named_with_its_repository()
    {
        var problem = new ConfigProblem(".github/incidents.yml", 2, 11, "'timezone' is wrong") { Repo = new RepoRef("acme", ".github") };

        Assert.Equal("acme/.github:.github/incidents.yml", problem.File);
        Assert.Equal("acme/.github:.github/incidents.yml:2:11: 'timezone' is wrong", problem.ToString());
    }

    [Fact]
    public void A_file_is_in_the_configured_repository_when_it_is_its_own_or_a_base_there()
    {
        Assert.True(new ConfigProblem(".github/incidents.yml", 1, 1, "x").IsIn(Shop));
        Assert.True(new ConfigProblem(".github/base.yml", 1, 1, "x") { Repo = new RepoRef("ACME", "Shop") }.IsIn(Shop));
        Assert.False(new ConfigProblem(".github/incidents.yml", 1, 1, "x") { Repo = new RepoRef("acme", ".github") }.IsIn(Shop));
    }
}
