namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// An alert group read from Alertmanager's API as the webhook payload Alertmanager would send for it, so
/// reconciliation goes through the same keys, templates and decisions as a delivery.
/// </summary>
public static class AlertGroupPayload
{
    /// <summary>
    /// The group's <paramref name="alerts"/> as a firing delivery. Like the webhook, common labels and
    /// annotations are those every listed alert has with the same value.
    /// </summary>
    /// <param name="externalUrl">The Alertmanager the group was read from; templates link to it.</param>
    public static AlertmanagerPayload Firing(AlertGroup group, IReadOnlyList<GroupAlert> alerts, string externalUrl) => new()
    {
        Version = AlertmanagerPayloadParser.SupportedVersion,
        // The API does not give the route's group key; nothing keys on it (see IncidentKey), it only names the group.
        GroupKey = $"{group.Receiver.Name}:{{{string.Join(',', group.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""))}}}",
        Status = AlertStatus.Firing,
        Receiver = group.Receiver.Name,
        GroupLabels = group.Labels,
        CommonLabels = Common(alerts.Select(a => a.Labels)),
        CommonAnnotations = Common(alerts.Select(a => a.Annotations)),
        ExternalUrl = externalUrl,
        Alerts = [.. alerts.Select(a => new Alert
        {
            Status = AlertStatus.Firing,
            Labels = a.Labels,
            Annotations = a.Annotations,
            StartsAt = a.StartsAt,
            // The webhook sends firing alerts without an end; the API's endsAt is only when they would time out.
            EndsAt = null,
            GeneratorUrl = a.GeneratorUrl,
            Fingerprint = a.Fingerprint,
        })],
    };

    private static Dictionary<string, string> Common(IEnumerable<IReadOnlyDictionary<string, string>> maps)
    {
        Dictionary<string, string>? common = null;
        foreach (var map in maps)
        {
            if (common is null)
            {
                common = new Dictionary<string, string>(map, StringComparer.Ordinal);
                continue;
            }

            foreach (var (name, value) in common.ToList())
            {
                if (!map.TryGetValue(name, out var other) || other != value)
                {
                    common.Remove(name);
                }
            }
        }

        return common ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
