using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeCollaboratorEndpoints
{
    public static void MapFakeCollaboratorEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server) =>
        // Logins without a role get 404, as GitHub answers for a user who does not exist or cannot be a collaborator.
        repos.MapGet("/collaborators/{user}/permission", (HttpContext context, string user) =>
            FakeRepoEndpoints.Repo(context).FindRole(user) is { } role
                ? FakeResults.Json(server.Json.Permission(role))
                : FakeResults.NotFound());
}
