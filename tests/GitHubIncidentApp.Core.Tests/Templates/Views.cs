using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

/// <summary>Incident views for template tests, from the recorded Alertmanager fixtures or built by hand.</summary>
internal static class Views
{
    public static AlertmanagerPayload Payload(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "alertmanager", fixture);
        var result = AlertmanagerPayloadParser.Parse(File.ReadAllBytes(path));
        Assert.Empty(result.Errors);
        return result.Payload!;
    }

    public static IncidentView From(AlertmanagerPayload payload, string incidentEvent = IncidentEvents.Opened) => new()
    {
        Repo = "acme/ops",
        Key = string.Join(",", payload.GroupLabels.Select(l => $"{l.Key}={l.Value}")),
        Event = incidentEvent,
        Status = payload.Status,
        Severity = payload.CommonLabels.GetValueOrDefault("severity", "unknown"),
        Receiver = payload.Receiver,
        GroupLabels = payload.GroupLabels,
        CommonLabels = payload.CommonLabels,
        CommonAnnotations = payload.CommonAnnotations,
        Alerts = payload.Alerts,
        TruncatedAlerts = payload.TruncatedAlerts,
        ExternalUrl = payload.ExternalUrl,
        StartedAt = payload.Alerts.Min(a => a.StartsAt),
        ResolvedAt = payload.IsResolved ? payload.Alerts.Max(a => a.EndsAt) : null,
    };

    public static IncidentView Fixture(string fixture, string incidentEvent = IncidentEvents.Opened) => From(Payload(fixture), incidentEvent);

    public static Alert Alert(string name, string fingerprint, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null, string status = AlertStatus.Firing) => new()
    {
        Status = status,
        Labels = labels ?? new Dictionary<string, string> { ["alertname"] = name, ["severity"] = "critical" },
        Annotations = annotations ?? new Dictionary<string, string> { ["summary"] = $"{name} fires" },
        StartsAt = Start,
        EndsAt = status == AlertStatus.Resolved ? Start.AddMinutes(72) : null,
        Fingerprint = fingerprint,
        GeneratorUrl = "http://prometheus.example.org/graph?g0.expr=up",
    };

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A firing incident of the given alerts, grouped by alertname.</summary>
    public static IncidentView Of(params Alert[] alerts) => new()
    {
        Repo = "acme/ops",
        Key = "alertname=Test",
        Event = IncidentEvents.Opened,
        Status = alerts.Any(a => a.IsFiring) ? AlertStatus.Firing : AlertStatus.Resolved,
        Severity = "critical",
        GroupLabels = new Dictionary<string, string> { ["alertname"] = alerts[0].Labels.GetValueOrDefault("alertname", "Test") },
        CommonLabels = new Dictionary<string, string> { ["alertname"] = alerts[0].Labels.GetValueOrDefault("alertname", "Test") },
        CommonAnnotations = new Dictionary<string, string>(),
        Alerts = alerts,
        ExternalUrl = "http://alertmanager.example.org",
        StartedAt = Start,
    };
}
