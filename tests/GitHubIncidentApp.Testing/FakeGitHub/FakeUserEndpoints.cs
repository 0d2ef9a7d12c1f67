using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary><c>GET /user</c>: whom a user's token acts as. Installation and workflow tokens have no user: 403, as on GitHub.</summary>
internal static class FakeUserEndpoints
{
    public static void MapFakeUserEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server) =>
        app.MapGet("/user", (HttpContext context) =>
        {
            var token = FakeAuthorization.Credential(context);
            var problem = token is null ? "Requires authentication" : server.CheckToken(token, out _);
            return problem is not null ? FakeResults.Unauthorized(problem)
                : server.UserOf(token!) is { } login ? FakeResults.Json(server.Json.User(login))
                : FakeResults.Forbidden("Resource not accessible by integration");
        });
}
