using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Bench;

/// <summary>A backlog of unchanged repeats, as inbox rows shaped as the app's Alertmanager endpoint stores them.</summary>
internal static class RepeatBacklog
{
    /// <summary><paramref name="repeats"/> deliveries, the <paramref name="payloads"/> round-robin, each with a delivery id of its own.</summary>
    public static IReadOnlyList<InboxItem> Of(IReadOnlyList<byte[]> payloads, int repeats, DateTimeOffset receivedAt)
    {
        var repo = new RepoRef(BenchGitHub.Owner, BenchGitHub.Repo);
        var firsts = payloads.Select(payload =>
        {
            var parsed = AlertmanagerPayloadParser.Parse(payload).Payload
                ?? throw new InvalidOperationException("The benchmark's own Alertmanager payload does not parse: AlertBurst and the parser disagree.");
            return new InboxItem
            {
                Source = InboxSources.Alertmanager,
                DeliveryId = "",
                Repo = repo.ToString(),
                IncidentKey = DeliveryOrdering.ForAlerts(repo, parsed),
                Priority = DeliveryOrdering.ForAlertPriority(parsed),
                Payload = Encoding.UTF8.GetString(payload),
                ReceivedAt = receivedAt,
            };
        }).ToList();
        return [.. Enumerable.Range(0, repeats).Select(i => firsts[i % firsts.Count] with { DeliveryId = Guid.NewGuid().ToString("N") })];
    }
}
