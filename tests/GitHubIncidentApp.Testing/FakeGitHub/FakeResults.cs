using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeResults
{
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8", statusCode: statusCode);

    public static IResult NotFound() => Json(FakeGitHubJson.Error("Not Found"), StatusCodes.Status404NotFound);

    public static IResult Unauthorized(string message) => Json(FakeGitHubJson.Error(message), StatusCodes.Status401Unauthorized);

    public static IResult Unprocessable(JsonObject error) => Json(error, StatusCodes.Status422UnprocessableEntity);
}
