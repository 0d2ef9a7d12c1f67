using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall.Routes;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>One login rule for commands, routes, schedules, owners and the report verb's --bot.</summary>
public sealed class GitHubLoginTests
{
    [Theory]
    [InlineData("alice", true)]
    [InlineData("a-b-c", true)]
    [InlineData("A1", true)]
    [InlineData("a--b", false)]
    [InlineData("-alice", false)]
    [InlineData("alice-", false)]
    [InlineData("", false)]
    [InlineData("al ice", false)]
    [InlineData("alice[bot]", false)]
    [InlineData("a123456789012345678901234567890123456789", false)]
    [InlineData("a12345678901234567890123456789012345678", true)]
    public void A_login_has_letters_digits_and_single_hyphens_at_most_39(string login, bool valid)
    {
        Assert.Equal(valid, GitHubLogin.IsValid(login));
        // Every reader of logins applies the same rule.
        Assert.Equal(valid, ScheduleText.Login(login) is null);
        Assert.Equal(valid, AssignTarget.Check("@" + login) is null);
        Assert.Equal(valid, RepoRef.OwnerProblem(login) is null);
    }

    [Theory]
    [InlineData("incident-app[bot]", true)]
    [InlineData("alice", true)]
    [InlineData("[bot]", false)]
    [InlineData("x[bot][bot]", false)]
    [InlineData("a b[bot]", false)]
    public void An_author_is_a_login_or_an_apps_bot(string login, bool valid) =>
        Assert.Equal(valid, GitHubLogin.IsAuthor(login));
}
