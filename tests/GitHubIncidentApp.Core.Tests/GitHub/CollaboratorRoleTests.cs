using GitHubIncidentApp.Core.GitHub;
using Octokit;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>Answers the fake server does not give: a custom role without the <c>user.permissions</c> flags.</summary>
public sealed class CollaboratorRoleTests
{
    [Theory]
    [InlineData("incident-responder", "write", RepoPermission.Write)]
    [InlineData("incident-responder", "read", RepoPermission.Read)]
    [InlineData("incident-responder", "none", RepoPermission.None)]
    [InlineData("incident-responder", "something-new", RepoPermission.None)]
    [InlineData("triage", "read", RepoPermission.Triage)]
    public void A_custom_role_without_flags_falls_back_to_the_legacy_permission_as_a_floor(string roleName, string legacy, RepoPermission expected) =>
        Assert.Equal(expected, CollaboratorRole.From(new CollaboratorPermissionResponse(legacy, roleName, null)));
}
