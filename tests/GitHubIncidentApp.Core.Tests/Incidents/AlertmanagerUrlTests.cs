using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>The repository an Alertmanager URL names, read from the request target as sent.</summary>
public sealed class AlertmanagerUrlTests
{
    [Theory]
    [InlineData("/api/alertmanager/own/repo", "own", "repo")]
    [InlineData("http://app.example:3000/api/alertmanager/own/repo?x=1", "own", "repo")]
    public void Names_the_routes_repository(string target, string owner, string name)
    {
        var (repo, problem) = AlertmanagerUrl.Target(target, owner, name, otherPath: null);

        Assert.Null(problem);
        Assert.Equal("own/repo", repo?.ToString());
    }

    [Fact]
    public void Names_none_without_owner_and_repository() =>
        Assert.Equal((null, null), AlertmanagerUrl.Target("/api/alertmanager", null, null, null));

    [Theory]
    [InlineData("/api/alertmanager/own/..", "has a '.' or '..' segment")]
    [InlineData("/api/alertmanager/own/%2E%2E", "has a '.' or '..' segment")]
    [InlineData("/api/alertmanager/own%2Frepo", "has an encoded '/' or '\\' (%2F, %5C)")]
    public void Refuses_a_target_the_server_would_route_elsewhere(string target, string problem)
    {
        // The server's normalisation routes these to /api/alertmanager, which would take the default repository.
        var (repo, found) = AlertmanagerUrl.Target(target, null, null, null);

        Assert.Null(repo);
        Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_another_path_and_a_name_GitHub_does_not_allow()
    {
        Assert.StartsWith("'/api/alertmanager/a/b/c' names no repository", AlertmanagerUrl.Target("/api/alertmanager/a/b/c", null, null, "a/b/c").Problem, StringComparison.Ordinal);
        Assert.StartsWith("the URL names no repository", AlertmanagerUrl.Target("/api/alertmanager/bad%20owner/x", "bad owner", "x", null).Problem, StringComparison.Ordinal);
    }
}
