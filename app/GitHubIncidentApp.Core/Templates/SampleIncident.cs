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
        Status = incidentEvent is IncidentEvents.Resolved or IncidentEvents.Postmortem ? AlertStatus.Resolved : AlertStatus.Firing,
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
        ResolvedAt = incidentEvent is IncidentEvents.Resolved or IncidentEvents.Postmortem ? Start.AddMinutes(72) : null,
        PreviousIssue = 7,
        Postmortem = incidentEvent == IncidentEvents.Postmortem ? Postmortem : null,
    };

    private static readonly PostmortemFacts Postmortem = new()
    {
        Timeline =
        [
            new(Start, "", "opened", "ServiceDown fired"),
            new(Start.AddMinutes(15), "", "escalation", "step 2 of 2 of the default policy: carol"),
            new(Start.AddMinutes(18), "bob", "acknowledged", ""),
            new(Start.AddMinutes(30), "bob", "identified", "a bad deploy of the API"),
            new(Start.AddMinutes(72), "bob", "resolved", "rolled back"),
        ],
        AcknowledgedBy = "bob",
        AcknowledgedAt = Start.AddMinutes(18),
        ResolvedBy = "bob",
        Assignees = ["bob", "carol"],
        OnCall = ["bob"],
    };

    /// <summary>The events a template of this kind is rendered for.</summary>
    public static IReadOnlyList<string> EventsFor(TemplateKind kind) => kind switch
    {
        TemplateKind.Comment => [IncidentEvents.Changed, IncidentEvents.Resolved, IncidentEvents.Reopened],
        TemplateKind.Postmortem => [IncidentEvents.Postmortem],
        _ => [IncidentEvents.Opened],
    };
}
