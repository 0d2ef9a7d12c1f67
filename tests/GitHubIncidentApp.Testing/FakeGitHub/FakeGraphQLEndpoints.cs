using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// <c>POST /graphql</c>, understanding only what the app sends: the <c>pinIssue</c> and <c>unpinIssue</c> mutations
/// (variable <c>id</c>) and the query of a repository's <c>pinnedIssues</c> (variables <c>owner</c>, <c>name</c>). As on
/// GitHub, errors come with status 200 in <c>errors</c>; an installation token reaches its own owner's repositories only.
/// </summary>
internal static class FakeGraphQLEndpoints
{
    public static void MapFakeGraphQLEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server) =>
        app.MapPost("/graphql", (HttpContext context) =>
        {
            var token = FakeAuthorization.Credential(context);
            var owner = "";
            var problem = token is null ? "Requires authentication" : server.CheckToken(token, out owner);
            if (problem is not null)
            {
                return FakeResults.Unauthorized(problem);
            }

            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var query = FakeRequestBody.String(body, "query") ?? "";
            var variables = body["variables"] as JsonObject ?? [];
            var id = variables["id"]?.GetValue<string>();
            if (query.Contains("unpinIssue", StringComparison.Ordinal) || query.Contains("pinIssue", StringComparison.Ordinal))
            {
                if (server.FindIssue(owner, id) is not var (repo, issue))
                {
                    return Errors($"Could not resolve to a node with the global id of '{id}'");
                }

                var pin = !query.Contains("unpinIssue", StringComparison.Ordinal);
                if (pin && repo.TryPin(issue.Number) is { } refused)
                {
                    return Errors(refused);
                }

                if (!pin)
                {
                    repo.Unpin(issue.Number);
                }

                return Data(new JsonObject { [pin ? "pinIssue" : "unpinIssue"] = new JsonObject { ["issue"] = new JsonObject { ["number"] = issue.Number } } });
            }

            if (query.Contains("pinnedIssues", StringComparison.Ordinal)
                && variables["owner"]?.GetValue<string>() is { } repoOwner && string.Equals(repoOwner, owner, StringComparison.OrdinalIgnoreCase)
                && server.FindRepo(repoOwner, variables["name"]?.GetValue<string>() ?? "") is { } pinnedRepo)
            {
                var nodes = pinnedRepo.Pinned.Select(number => pinnedRepo.Issue(number)).Select(issue => (JsonNode)new JsonObject
                {
                    ["issue"] = new JsonObject
                    {
                        ["id"] = $"I_{issue.Id}",
                        ["number"] = issue.Number,
                        ["body"] = issue.Body,
                        // GraphQL names a bot without the "[bot]" of REST.
                        ["author"] = new JsonObject { ["login"] = issue.Author.Replace("[bot]", "", StringComparison.Ordinal) },
                    },
                });
                return Data(new JsonObject { ["repository"] = new JsonObject { ["pinnedIssues"] = new JsonObject { ["nodes"] = new JsonArray([.. nodes]) } } });
            }

            return Errors("The fake GitHub understands only pinIssue, unpinIssue and a repository's pinnedIssues.");
        });

    private static IResult Data(JsonObject data) => FakeResults.Json(new JsonObject { ["data"] = data });

    private static IResult Errors(string message) =>
        FakeResults.Json(new JsonObject { ["data"] = null, ["errors"] = new JsonArray(new JsonObject { ["message"] = message }) });
}
