using System.Text.Json;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// Reads the body of <c>GET /api/v2/alerts/groups</c>. Anything that is not that shape is an error, never an
/// empty list: the caller resolves incidents whose alerts are missing, so garbage must not read as "all clear".
/// </summary>
public static class AlertGroupsParser
{
    private static readonly string[] States = [GroupAlertStatus.Active, GroupAlertStatus.Suppressed, GroupAlertStatus.Unprocessed];

    // Nulls where the OpenAPI spec promises values are refused rather than read as missing data.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        MaxDepth = 16,
    };

    public static AlertGroupsParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        List<AlertGroup>? groups;
        try
        {
            groups = JsonSerializer.Deserialize<List<AlertGroup>>(utf8Json, Options);
        }
        catch (JsonException e)
        {
            return new AlertGroupsParseResult(null, [$"it is not a list of alert groups: {e.Message}"]);
        }

        if (groups is null)
        {
            return new AlertGroupsParseResult(null, ["it is null, not a list of alert groups"]);
        }

        var errors = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            for (var a = 0; a < groups[g].Alerts.Count; a++)
            {
                var alert = groups[g].Alerts[a];
                var path = $"$[{g}].alerts[{a}]";
                if (string.IsNullOrEmpty(alert.Fingerprint))
                {
                    errors.Add($"{path}.fingerprint is empty");
                }

                if (!States.Contains(alert.Status.State))
                {
                    errors.Add($"{path}.status.state is \"{alert.Status.State}\"; expected one of {string.Join(", ", States)}");
                }
            }
        }

        return errors.Count == 0 ? new AlertGroupsParseResult(groups, []) : new AlertGroupsParseResult(null, errors);
    }
}

/// <param name="Groups">The groups; null when the body was not usable, and then <paramref name="Errors"/> say why.</param>
public sealed record AlertGroupsParseResult(IReadOnlyList<AlertGroup>? Groups, IReadOnlyList<string> Errors);
