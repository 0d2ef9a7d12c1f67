using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary><c>GET /orgs/{org}/issue-types</c>: an organisation's issue types; 404 for a personal account, as on GitHub.</summary>
internal static class FakeNativeEndpoints
{
    public static void MapFakeNativeEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server) =>
        app.MapGet("/orgs/{org}/issue-types", (HttpContext context, string org) =>
        {
            var token = FakeAuthorization.Credential(context);
            var problem = token is null ? "Requires authentication" : server.CheckToken(token, out _);
            return problem is not null ? FakeResults.Unauthorized(problem)
                : server.IssueTypesOf(org) is { } types ? FakeResults.Json(new JsonArray([.. types.Select(FakeGitHubJson.IssueType)]))
                : FakeResults.NotFound();
        });
}
