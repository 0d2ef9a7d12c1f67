using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// Organisation issue fields: <c>GET /orgs/{org}/issue-fields</c> (404 where the owner has none),
/// <c>POST /repos/{o}/{r}/issues/{n}/issue-field-values</c>, and the <c>issue_field_values</c> of a create call, which
/// GitHub drops silently where the owner has no issue fields and refuses (422) for a field or option it does not know.
/// </summary>
internal static class FakeIssueFieldEndpoints
{
    public static void MapFakeIssueFieldEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server) =>
        app.MapGet("/orgs/{org}/issue-fields", (HttpContext context, string org) =>
        {
            var token = FakeAuthorization.Credential(context);
            var problem = token is null ? "Requires authentication" : server.CheckToken(token, out _);
            return problem is not null ? FakeResults.Unauthorized(problem)
                : server.IssueFieldsOf(org) is { } fields ? FakeResults.Json(new JsonArray([.. fields.Select(Json)]))
                : FakeResults.NotFound();
        });

    public static void MapFakeIssueFieldValueEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server) =>
        repos.MapPost("/issues/{number:int}/issue-field-values", (HttpContext context, int number) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var repo = FakeRepoEndpoints.Repo(context);
            if (server.IssueFieldsOf(repo.Owner) is null || repo.TryGetIssue(number) is null)
            {
                return FakeResults.NotFound();
            }

            var (values, refused) = Read(server, repo.Owner, body);
            return refused ?? FakeResults.Json(new JsonArray([.. repo.SetFields(number, values)!.Fields.Select(field => FieldValue(server, repo.Owner, field.Key, field.Value))]));
        });

    /// <summary>The field values a body sets, by field name, or GitHub's refusal of them.</summary>
    internal static (IReadOnlyDictionary<string, string> Values, IResult? Refused) Read(FakeGitHubServer server, string owner, JsonObject body)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (body["issue_field_values"] is not JsonArray items || items.Count == 0)
        {
            return (values, null);
        }

        if (server.FieldWritesRefused(owner) is { } status)
        {
            return (values, FakeResults.Json(FakeGitHubJson.Error("Resource not accessible by integration"), status));
        }

        if (server.IssueFieldsOf(owner) is not { } fields)
        {
            return (values, null);
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            var id = item["field_id"] is JsonValue idValue && idValue.TryGetValue<long>(out var number) ? number : -1;
            var text = item["value"] is JsonValue value ? value.ToString() : null;
            var field = fields.FirstOrDefault(f => f.Id == id);
            var option = field?.DataType == "single_select" ? field.Options.FirstOrDefault(o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase)) : text;
            if (field is null || option is null)
            {
                return (values, FakeResults.Unprocessable(FakeGitHubJson.ValidationError("IssueFieldValue", field is null ? "field_id" : "value", "invalid")));
            }

            values[field.Name] = option;
        }

        return (values, null);
    }

    private static JsonObject Json(FakeIssueField field)
    {
        var json = new JsonObject
        {
            ["id"] = field.Id,
            ["node_id"] = $"IF_{field.Id}",
            ["name"] = field.Name,
            ["description"] = null,
            ["data_type"] = field.DataType,
        };
        if (field.DataType == "single_select")
        {
            json["options"] = new JsonArray([.. field.Options.Select((name, i) => new JsonObject { ["id"] = field.Id * 100 + i, ["name"] = name, ["color"] = "gray" })]);
        }

        return json;
    }

    private static JsonObject FieldValue(FakeGitHubServer server, string owner, string name, string value)
    {
        var field = server.IssueFieldsOf(owner)!.First(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return new JsonObject { ["issue_field_id"] = field.Id, ["data_type"] = field.DataType, ["value"] = value };
    }
}
