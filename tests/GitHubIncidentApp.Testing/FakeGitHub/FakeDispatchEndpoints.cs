using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// <c>POST /repos/{owner}/{repo}/dispatches</c> with GitHub's checks: an <c>event_type</c> of 1 to 100 characters and a
/// <c>client_payload</c> object of at most 10 top-level keys; 204 without a body. The request log holds what was sent.
/// </summary>
internal static class FakeDispatchEndpoints
{
    public const int MaxClientPayloadKeys = 10;

    public static void MapFakeDispatchEndpoints(this IEndpointRouteBuilder repos) =>
        repos.MapPost("/dispatches", (HttpContext context) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var problem = FakeRequestBody.String(body, "event_type") is not { Length: > 0 and <= 100 }
                ? "event_type must be a string of 1 to 100 characters"
                : body["client_payload"] is { } payload && (payload is not JsonObject obj || obj.Count > MaxClientPayloadKeys)
                    ? $"client_payload must be an object of at most {MaxClientPayloadKeys} top-level properties"
                    : null;
            return problem is null
                ? Results.NoContent()
                : FakeResults.Unprocessable(FakeGitHubJson.Error(problem));
        });
}
