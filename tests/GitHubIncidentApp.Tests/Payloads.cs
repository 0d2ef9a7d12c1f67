using System.Text.Json.Nodes;

namespace GitHubIncidentApp.Tests;

/// <summary>Variations of the recorded Alertmanager payloads.</summary>
public static class Payloads
{
    /// <summary>The group with a copy of its first alert for another instance.</summary>
    public static string WithSecondAlert(string json, string instance)
    {
        var root = JsonNode.Parse(json)!;
        var copy = root["alerts"]![0]!.DeepClone();
        copy["labels"]!["instance"] = instance;
        copy["fingerprint"] = "f" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(instance)))[..15];
        root["alerts"]!.AsArray().Add(copy);
        return root.ToJsonString();
    }

    /// <summary>The group with a label set on every alert and in the common labels.</summary>
    public static string WithCommonLabel(string json, string name, string value)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var alert in root["alerts"]!.AsArray())
        {
            alert!["labels"]![name] = value;
        }

        root["commonLabels"]![name] = value;
        return root.ToJsonString();
    }

    /// <summary>The group with every alert starting at <paramref name="startsAt"/>, as Alertmanager sends an alert that fires again.</summary>
    public static string StartingAt(string json, DateTimeOffset startsAt)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var alert in root["alerts"]!.AsArray())
        {
            alert!["startsAt"] = startsAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return root.ToJsonString();
    }

    /// <summary>The recorded group renamed to <paramref name="alertname"/> (a group of its own) at <paramref name="severity"/>.</summary>
    public static string Group(string alertname, string severity = "critical", string fixture = "firing-critical")
    {
        var root = JsonNode.Parse(Testing.Fixtures.Alertmanager(fixture))!;
        foreach (var alert in root["alerts"]!.AsArray())
        {
            alert!["labels"]!["alertname"] = alertname;
            alert["labels"]!["severity"] = severity;
            alert["fingerprint"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(alertname)))[..16];
        }

        root["groupLabels"]!["alertname"] = alertname;
        root["commonLabels"]!["alertname"] = alertname;
        root["commonLabels"]!["severity"] = severity;
        return root.ToJsonString();
    }
}
