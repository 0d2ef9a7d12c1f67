using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class RepoScopeTests
{
    private static RepoScope Scope(string text) => RepoScope.Parse(text).Scope ?? throw new InvalidOperationException(string.Join("; ", RepoScope.Parse(text).Problems));

    [Theory]
    [InlineData("team-a/incidents", "team-a/incidents", true)]
    [InlineData("team-a/incidents", "TEAM-A/Incidents", true)]
    [InlineData("team-a/incidents", "team-a/other", false)]
    [InlineData("team-a/*", "team-a/anything", true)]
    [InlineData("team-a/*", "team-b/anything", false)]
    [InlineData("team-a/*, team-b/db", "team-b/db", true)]
    [InlineData("team-a/*, team-b/db", "team-b/web", false)]
    [InlineData("*", "anyone/anything", true)]
    [InlineData("team-a/x,,", "team-a/x", true)]
    public void Allows_the_listed_repositories_only(string scope, string repo, bool allowed) =>
        Assert.Equal(allowed, Scope(scope).Allows(RepoRef.Parse(repo).Repo!));

    [Theory]
    [InlineData("team-a/incidents, team-b/*", "team-a/incidents,team-b/*")]
    [InlineData("*", "*")]
    public void Prints_its_entries(string scope, string printed) => Assert.Equal(printed, Scope(scope).ToString());

    [Theory]
    [InlineData("team-a", "entry 'team-a' is not owner/repo, owner/* or * (every repository where the app is installed), separated by commas: 'team-a' is not owner/name")]
    [InlineData("team-a/*, team--b/*", "entry 'team--b/*' is not owner/repo, owner/* or * (every repository where the app is installed), separated by commas: 'team--b' is not a GitHub owner name")]
    [InlineData("team-a/in*", "entry 'team-a/in*' is not owner/repo, owner/* or * (every repository where the app is installed), separated by commas: 'in*' is not a GitHub repository name")]
    [InlineData("*/incidents", "entry '*/incidents' is not")]
    [InlineData("team-a/..", "'..' is not a GitHub repository name")]
    [InlineData(" , ", "names no repository: use owner/repo, owner/* or *")]
    public void Names_each_bad_entry_and_the_forms(string scope, string problem)
    {
        var (parsed, problems) = RepoScope.Parse(scope);

        Assert.Null(parsed);
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal) || p.Contains(problem, StringComparison.Ordinal));
    }
}
