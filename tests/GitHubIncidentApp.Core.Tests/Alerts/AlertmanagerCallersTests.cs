using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Alerts;

/// <summary>Which configured token a request presents.</summary>
public sealed class AlertmanagerCallersTests
{
    private static readonly AlertmanagerToken TeamA = AlertmanagerToken.Of("ALERTMANAGER_TOKEN_TEAM_A", "ALLOWED_REPOS_TEAM_A", RepoScope.Owner("team-a"), "token-a");
    private static readonly AlertmanagerToken TeamB = AlertmanagerToken.Of("ALERTMANAGER_TOKEN_TEAM_B", "ALLOWED_REPOS_TEAM_B", RepoScope.Owner("team-b"), "token-b");

    [Fact]
    public void Finds_the_token_presented_and_none_for_another_or_none()
    {
        var callers = new AlertmanagerCallers([TeamA, TeamB]);

        Assert.Same(TeamB, callers.Caller("token-b"));
        Assert.Same(TeamA, callers.Caller("token-a"));
        Assert.Null(callers.Caller("token-a "));
        Assert.Null(callers.Caller(null));
    }

    [Fact]
    public void Without_tokens_in_development_everyone_is_the_open_caller()
    {
        var open = AlertmanagerToken.None(RepoScope.Everything);

        Assert.Same(open, new AlertmanagerCallers([open]).Caller(null));
        Assert.Same(open, new AlertmanagerCallers([open]).Caller("anything"));
    }
}
