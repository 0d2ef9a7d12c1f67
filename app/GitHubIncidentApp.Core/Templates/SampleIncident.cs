using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>A small, typical incident to try templates on before they meet real alerts.</summary>
internal static class SampleIncident
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly Alert Firing = new()
    {
        Status = AlertStatus.Firing,
        Labels = new Dictionary<string, string> { ["alertname"] = "ServiceDown", ["namespace"] = "shop", ["instance"] = "web-1", ["severity"] = "critical" },
        Annotations = new Dictionary<string, string> { ["summary"] = "Service is down", ["description"] = "web-1 has not answered for 5 minutes.", ["runbook_url"] = "https://example.org/runbook" },
        StartsAt = Start,
        GeneratorUrl = "https://prometheus.example.org/graph?g0.expr=up",
        Fingerprint = "0123456789abcdef",
    };

    private static readonly Alert Resolved = Firing with
    {
        Status = AlertStatus.Resolved,
        Labels = new Dictionary<string, string>(Firing.Labels) { ["instance"] = "web-2" },
        EndsAt = Start.AddMinutes(20),
        Fingerprint = "fedcba9876543210",
    };

    public static IncidentView View(string incidentEvent) => new()
    {
        Repo = "example/ops",
        Key = "alertname=ServiceDown,namespace=shop",
        Event = incidentEvent,
        Status = incidentEvent == IncidentEvents.Resolved ? AlertStatus.Resolved : AlertStatus.Firing,
        Severity = "critical",
        Receiver = "github",
        GroupLabels = new Dictionary<string, string> { ["alertname"] = "ServiceDown", ["namespace"] = "shop" },
        CommonLabels = new Dictionary<string, string> { ["alertname"] = "ServiceDown", ["namespace"] = "shop", ["severity"] = "critical" },
        CommonAnnotations = new Dictionary<string, string> { ["summary"] = "Service is down" },
        Alerts = [Firing, Resolved],
        NewAlerts = [Firing],
        ResolvedAlerts = [Resolved],
        TruncatedAlerts = 1,
        ExternalUrl = "https://alertmanager.example.org",
        StartedAt = Start,
        ResolvedAt = incidentEvent == IncidentEvents.Resolved ? Start.AddMinutes(72) : null,
        PreviousIssue = 7,
    };

    /// <summary>The events a template of this kind is rendered for.</summary>
    public static IReadOnlyList<string> EventsFor(TemplateKind kind) => kind == TemplateKind.Comment
        ? [IncidentEvents.Changed, IncidentEvents.Resolved, IncidentEvents.Reopened]
        : [IncidentEvents.Opened];
}
