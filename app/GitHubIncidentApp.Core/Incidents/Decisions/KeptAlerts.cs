using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// A storm member's last firing delivery, as far as <c>/split</c> needs it to open the group's issue: a member has no
/// issue, so this lives in the index's state only (the App's database), bounded to <see cref="MaxAlerts"/> alerts.
/// </summary>
public sealed record KeptAlerts
{
    public const int MaxAlerts = 50;

    public string Receiver { get; init; } = "";
    public IReadOnlyDictionary<string, string> CommonLabels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> CommonAnnotations { get; init; } = new Dictionary<string, string>();
    public string ExternalUrl { get; init; } = "";
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>Alerts left out: beyond Alertmanager's <c>max_alerts</c>, and beyond <see cref="MaxAlerts"/> here.</summary>
    public int Truncated { get; init; }

    public static KeptAlerts Of(AlertmanagerPayload payload)
    {
        var firing = payload.Firing.ToList();
        return new KeptAlerts
        {
            Receiver = payload.Receiver,
            CommonLabels = payload.CommonLabels,
            CommonAnnotations = payload.CommonAnnotations,
            ExternalUrl = payload.ExternalUrl,
            Alerts = [.. firing.Take(MaxAlerts)],
            Truncated = payload.TruncatedAlerts + Math.Max(0, firing.Count - MaxAlerts),
        };
    }

    /// <summary>The delivery these alerts came in, for the member <paramref name="member"/>.</summary>
    public AlertmanagerPayload ToPayload(IncidentState member) => new()
    {
        Version = AlertmanagerPayloadParser.SupportedVersion,
        GroupKey = member.Key,
        Status = AlertStatus.Firing,
        Receiver = Receiver,
        GroupLabels = member.GroupLabels,
        CommonLabels = CommonLabels,
        CommonAnnotations = CommonAnnotations,
        ExternalUrl = ExternalUrl,
        Alerts = Alerts,
        TruncatedAlerts = Truncated,
    };

    /// <summary>Without kept alerts: one alert of the group's labels and severity, which its next delivery replaces.</summary>
    public static AlertmanagerPayload FromLabels(IncidentState member, string severityLabel)
    {
        var labels = new Dictionary<string, string>(member.GroupLabels) { [severityLabel] = member.Severity };
        var kept = new KeptAlerts
        {
            CommonLabels = labels,
            Alerts = [new Alert { Status = AlertStatus.Firing, Labels = labels, Annotations = new Dictionary<string, string>(), StartsAt = member.StartedAt, Fingerprint = member.Key }],
        };
        return kept.ToPayload(member);
    }
}
