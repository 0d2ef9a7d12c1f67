using System.Text.Json;
using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Organisation issue fields, which Octokit does not know: the REST shapes of GitHub's "issue fields" (organisation)
/// and "issue field values" (issue) docs, sent and read as raw JSON.
/// </summary>
public sealed partial class OctokitGitHubPort
{
    public Task<IReadOnlyList<OrgIssueField>?> ListIssueFieldsAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var url = new Uri($"orgs/{repo.Owner}/issue-fields", UriKind.Relative);
        return CallAsync(repo, $"GET /orgs/{repo.Owner}/issue-fields", async client =>
        {
            try
            {
                var response = await client.Connection
                    .Get<object>(url, new Dictionary<string, string> { ["per_page"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }, accepts: null, cancellationToken: CancellationToken.None)
                    .ConfigureAwait(false);
                return ReadIssueFields(response.HttpResponse.Body as string);
            }
            catch (NotFoundException)
            {
                return null;
            }
        }, cancellationToken);
    }

    public Task SetIssueFieldValuesAsync(RepoRef repo, int number, IReadOnlyList<IssueFieldValue> values, CancellationToken cancellationToken)
    {
        var url = new Uri($"repos/{repo.Owner}/{repo.Name}/issues/{number}/issue-field-values", UriKind.Relative);
        var body = new Dictionary<string, object> { ["issue_field_values"] = FieldValuesBody(values) };
        return CallAsync(repo, $"POST /repos/{repo}/issues/{number}/issue-field-values", client =>
            client.Connection.Post<object>(url, body, accepts: null, contentType: null, parameters: null, cancellationToken: CancellationToken.None), cancellationToken);
    }

    private static object[] FieldValuesBody(IReadOnlyList<IssueFieldValue> values) =>
        [.. values.Select(value => new Dictionary<string, object> { ["field_id"] = value.FieldId, ["value"] = value.Value })];

    private static IReadOnlyList<OrgIssueField> ReadIssueFields(string? json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "[]" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. document.RootElement.EnumerateArray()
            .Where(field => field.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number)
            .Select(field => new OrgIssueField(
                field.GetProperty("id").GetInt64(),
                Text(field, "name"),
                Text(field, "data_type"),
                field.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
                    ? [.. options.EnumerateArray().Select(option => Text(option, "name")).Where(name => name.Length > 0)]
                    : []))];
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
