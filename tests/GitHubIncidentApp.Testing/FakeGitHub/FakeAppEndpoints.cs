using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>The endpoints a GitHub App calls with its JWT: itself (its slug), find an installation, mint an installation token.</summary>
internal static class FakeAppEndpoints
{
    public static void MapFakeAppEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server)
    {
        app.MapGet("/app", () => FakeResults.Json(server.Json.App(server.AppId)))
            .AddEndpointFilter(RequireAppJwt(server));

        app.MapGet("/repos/{owner}/{repo}/installation", (string owner, string repo) =>
                server.FindInstallation(owner) is { } id && server.FindRepo(owner, repo) is not null
                    ? FakeResults.Json(server.Json.Installation(id, owner, server.AppId))
                    : FakeResults.NotFound())
            .AddEndpointFilter(RequireAppJwt(server));

        app.MapPost("/app/installations/{installationId:long}/access_tokens", (long installationId) =>
            {
                if (server.FindInstallationOwner(installationId) is not { } owner)
                {
                    return FakeResults.NotFound();
                }

                var (token, expiresAt) = server.IssueToken(installationId, owner);
                return FakeResults.Json(
                    new JsonObject
                    {
                        ["token"] = token,
                        ["expires_at"] = FakeGitHubJson.Date(expiresAt),
                        ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read" },
                        ["repository_selection"] = "all",
                    },
                    StatusCodes.Status201Created);
            })
            .AddEndpointFilter(RequireAppJwt(server));
    }

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> RequireAppJwt(FakeGitHubServer server) =>
        (context, next) =>
        {
            var jwt = FakeAuthorization.Credential(context.HttpContext);
            var problem = jwt is null
                ? "Requires authentication: send 'Authorization: Bearer <app JWT>'"
                : server.JwtValidator.Validate(jwt);
            return problem is null ? next(context) : ValueTask.FromResult<object?>(FakeResults.Unauthorized(problem));
        };
}
