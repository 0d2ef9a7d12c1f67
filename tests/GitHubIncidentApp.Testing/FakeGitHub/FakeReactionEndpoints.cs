using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeReactionEndpoints
{
    private static readonly string[] Contents = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

    public static void MapFakeReactionEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server) =>
        repos.MapPost("/issues/comments/{commentId:long}/reactions", (HttpContext context, long commentId) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var content = FakeRequestBody.String(body, "content");
            if (!Contents.Contains(content))
            {
                return FakeResults.Unprocessable(FakeGitHubJson.ValidationError(
                    "Reaction", "content", "invalid", $"content must be one of {string.Join(", ", Contents)}"));
            }

            // GitHub answers 200 with the existing reaction when this user already reacted so, 201 otherwise.
            var reaction = server.Json.Reaction(server.NextId(), FakeRepoEndpoints.Author(context), content!, server.Time.GetUtcNow());
            return FakeRepoEndpoints.Repo(context).AddReaction(commentId, content!) switch
            {
                true => FakeResults.Json(reaction, StatusCodes.Status201Created),
                false => FakeResults.Json(reaction),
                null => FakeResults.NotFound(),
            };
        });
}
