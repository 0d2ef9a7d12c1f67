using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeResults
{
    // GitHub does not escape quotes, apostrophes or non-ASCII; reading raw bodies in tests stays simple.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(Options), "application/json; charset=utf-8", statusCode: statusCode);

    public static IResult NotFound() => Json(FakeGitHubJson.Error("Not Found"), StatusCodes.Status404NotFound);

    public static IResult Forbidden(string message) => Json(FakeGitHubJson.Error(message), StatusCodes.Status403Forbidden);

    public static IResult Unauthorized(string message) => Json(FakeGitHubJson.Error(message), StatusCodes.Status401Unauthorized);

    public static IResult Unprocessable(JsonObject error) => Json(error, StatusCodes.Status422UnprocessableEntity);
}
