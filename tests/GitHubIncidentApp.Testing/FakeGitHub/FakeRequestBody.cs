using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>Reads the JSON body the recording middleware already buffered.</summary>
internal static class FakeRequestBody
{
    public const string ItemKey = "fake-github-body";

    public static bool TryRead(HttpContext context, [NotNullWhen(true)] out JsonObject? body, [NotNullWhen(false)] out IResult? error)
    {
        error = null;
        try
        {
            body = JsonNode.Parse((string)context.Items[ItemKey]!) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            error = FakeResults.Json(FakeGitHubJson.Error("Problems parsing JSON"), StatusCodes.Status400BadRequest);
            return false;
        }

        return true;
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An array of names; GitHub also accepts label objects (<c>{"name": ...}</c>) in place of strings.</summary>
    public static IReadOnlyList<string>? Names(JsonObject body, string name) =>
        body[name] is JsonArray array
            ? [.. array.Select(item => item is JsonObject obj ? String(obj, "name") : item?.GetValue<string>()).OfType<string>()]
            : null;
}
