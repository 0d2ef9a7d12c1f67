using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeLabelEndpoints
{
    public static void MapFakeLabelEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server)
    {
        repos.MapGet("/labels", (HttpContext context) =>
        {
            var repo = FakeRepoEndpoints.Repo(context);
            var page = FakePagination.Page(context, server.BaseUrl, repo.Labels);
            return FakeResults.Json(new JsonArray([.. page.Select(label => server.Json.Label(repo, label))]));
        });

        repos.MapPost("/labels", (HttpContext context) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            if (FakeRequestBody.String(body, "name") is not { Length: > 0 } name)
            {
                return FakeResults.Unprocessable(FakeGitHubJson.ValidationError("Label", "name", "missing_field"));
            }

            var repo = FakeRepoEndpoints.Repo(context);
            var label = repo.CreateLabel(name, FakeRequestBody.String(body, "color")?.TrimStart('#'), FakeRequestBody.String(body, "description"));
            return label is null
                ? FakeResults.Unprocessable(FakeGitHubJson.ValidationError("Label", "name", "already_exists"))
                : FakeResults.Json(server.Json.Label(repo, label), StatusCodes.Status201Created);
        });
    }
}
