using System.Globalization;
using System.Text.Json;
using GitHubIncidentApp.Core.Json;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// Reads an Alertmanager webhook body and says exactly what is wrong with it, so that a sender
/// can be told why a delivery was refused (Alertmanager logs the response body of a 4xx).
/// </summary>
public static class AlertmanagerPayloadParser
{
    public const string SupportedVersion = "4";

    public static PayloadParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        // A byte order mark is not JSON, but harmless: read what follows it.
        utf8Json = utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        // JsonDocument checks UTF-8 only when a string is read; refuse it here, with a clear reason.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return PayloadParseResult.Fail("the body is not valid UTF-8 (Alertmanager sends UTF-8 JSON)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return PayloadParseResult.Fail($"the body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return PayloadParseResult.Fail($"the body must be a JSON object, not {JsonKinds.Describe(root.ValueKind)}");
            }

            var version = ReadString(root, "version", "", errors);
            if (version is not null && version != SupportedVersion)
            {
                errors.Add($"'version' is \"{version}\"; only Alertmanager webhook payload version {SupportedVersion} is supported");
            }

            var status = ReadStatus(root, "", errors);
            var alerts = ReadAlerts(root, errors);
            var payload = new AlertmanagerPayload
            {
                Version = version ?? "",
                GroupKey = ReadString(root, "groupKey", "", errors) ?? "",
                Status = status ?? "",
                Receiver = ReadOptionalString(root, "receiver", "", errors) ?? "",
                GroupLabels = ReadMap(root, "groupLabels", "", errors, required: true),
                CommonLabels = ReadMap(root, "commonLabels", "", errors, required: false),
                CommonAnnotations = ReadMap(root, "commonAnnotations", "", errors, required: false),
                ExternalUrl = ReadOptionalString(root, "externalURL", "", errors) ?? "",
                TruncatedAlerts = ReadOptionalCount(root, "truncatedAlerts", errors),
                Alerts = alerts,
            };
            return errors.Count == 0 ? PayloadParseResult.Ok(payload) : new PayloadParseResult(null, errors);
        }
    }

    private static List<Alert> ReadAlerts(JsonElement root, List<string> errors)
    {
        var alerts = new List<Alert>();
        if (!root.TryGetProperty("alerts", out var array))
        {
            errors.Add("'alerts' is missing");
            return alerts;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"'alerts' must be an array, not {JsonKinds.Describe(array.ValueKind)}");
            return alerts;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"alerts[{index++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"'{path[..^1]}' must be an object, not {JsonKinds.Describe(item.ValueKind)}");
                continue;
            }

            alerts.Add(new Alert
            {
                Status = ReadStatus(item, path, errors) ?? "",
                Labels = ReadMap(item, "labels", path, errors, required: true),
                Annotations = ReadMap(item, "annotations", path, errors, required: false),
                StartsAt = ReadTime(item, "startsAt", path, errors) ?? DateTimeOffset.MinValue,
                EndsAt = ReadTime(item, "endsAt", path, errors, required: false),
                GeneratorUrl = ReadOptionalString(item, "generatorURL", path, errors) ?? "",
                Fingerprint = ReadString(item, "fingerprint", path, errors) ?? "",
            });
        }

        if (index == 0)
        {
            errors.Add("'alerts' is empty; Alertmanager always sends at least one alert");
        }

        return alerts;
    }

    private static string? ReadStatus(JsonElement element, string path, List<string> errors)
    {
        var status = ReadString(element, "status", path, errors);
        if (status is null or AlertStatus.Firing or AlertStatus.Resolved)
        {
            return status;
        }

        errors.Add($"'{path}status' is \"{status}\"; expected \"firing\" or \"resolved\"");
        return null;
    }

    private static string? ReadString(JsonElement element, string name, string path, List<string> errors)
    {
        var value = ReadOptionalString(element, name, path, errors);
        if (value is null && !element.TryGetProperty(name, out _))
        {
            errors.Add($"'{path}{name}' is missing");
        }
        else if (value is { Length: 0 })
        {
            errors.Add($"'{path}{name}' is empty");
            return null;
        }

        return value;
    }

    private static string? ReadOptionalString(JsonElement element, string name, string path, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"'{path}{name}' must be a string, not {JsonKinds.Describe(value.ValueKind)}");
            return null;
        }

        return value.GetString();
    }

    private static int ReadOptionalCount(JsonElement element, string name, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0)
        {
            return count;
        }

        errors.Add($"'{name}' must be a whole number of at least 0");
        return 0;
    }

    private static Dictionary<string, string> ReadMap(JsonElement element, string name, string path, List<string> errors, bool required)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add($"'{path}{name}' is missing");
            }

            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"'{path}{name}' must be an object of strings, not {JsonKinds.Describe(value.ValueKind)}");
            return map;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add($"'{path}{name}.{property.Name}' must be a string, not {JsonKinds.Describe(property.Value.ValueKind)}");
                continue;
            }

            map[property.Name] = property.Value.GetString()!;
        }

        return map;
    }

    private static DateTimeOffset? ReadTime(JsonElement element, string name, string path, List<string> errors, bool required = true)
    {
        var text = required ? ReadString(element, name, path, errors) : ReadOptionalString(element, name, path, errors);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            errors.Add($"'{path}{name}' is \"{text}\", not an RFC 3339 time");
            return null;
        }

        // Alertmanager sends 0001-01-01T00:00:00Z for "not ended yet".
        return time.Year <= 1 ? null : time;
    }
}

public sealed record PayloadParseResult(AlertmanagerPayload? Payload, IReadOnlyList<string> Errors)
{
    public static PayloadParseResult Ok(AlertmanagerPayload payload) => new(payload, []);

    public static PayloadParseResult Fail(string error) => new(null, [error]);
}
