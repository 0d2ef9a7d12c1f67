using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// The one place where what arrives (an Alertmanager delivery, a GitHub event, a timed step come due) becomes an inbox
/// item: its source, delivery id, ordering key and priority, as <see cref="InboxProcessor"/> reads them back.
/// </summary>
public static class InboxItems
{
    /// <summary>Alertmanager names no delivery: each is new, and unchanged repeats are coalesced by payload instead.</summary>
    public static InboxItem ForAlerts(RepoRef repo, AlertmanagerPayload payload, string body, DateTimeOffset receivedAt) => new()
    {
        Source = InboxSources.Alertmanager,
        DeliveryId = Guid.NewGuid().ToString("N"),
        Repo = repo.ToString(),
        IncidentKey = DeliveryOrdering.ForAlerts(repo, payload),
        Priority = DeliveryOrdering.ForAlertPriority(payload),
        Payload = body,
        ReceivedAt = receivedAt,
    };

    /// <summary>Under GitHub's delivery id, so a redelivery is stored once; queued behind its issue's incident.</summary>
    public static async Task<InboxItem> ForGitHubEventAsync(
        IIncidentIndex index, string eventName, string deliveryId, GitHubEvent gitHubEvent, string body, DateTimeOffset receivedAt, CancellationToken cancellationToken) => new()
    {
        Source = InboxSources.GitHubPrefix + eventName,
        DeliveryId = deliveryId,
        Repo = RepoOf(gitHubEvent),
        IncidentKey = await DeliveryOrdering.ForEventAsync(index, gitHubEvent, cancellationToken),
        Priority = DeliveryOrdering.GitHubEventPriority,
        Payload = body,
        ReceivedAt = receivedAt,
    };

    /// <summary>The repository an event is about; empty for an installation's events.</summary>
    public static string RepoOf(GitHubEvent gitHubEvent) => gitHubEvent switch
    {
        IssueCommentEvent comment => comment.Repo.ToString(),
        IssueChangeEvent change => change.Repo.ToString(),
        _ => "",
    };

    /// <summary>
    /// The delivery id names the incident and the due time, so a step enqueued on every tick until it is processed (or
    /// by several replicas) is stored once; it is applied in order with the issue's other events.
    /// </summary>
    public static InboxItem ForTimedStep(IndexedIncident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var due = incident.DueAt ?? throw new ArgumentException($"Incident {incident.Key} has no step due.", nameof(incident));
        var issue = incident.IssueNumber.ToString(CultureInfo.InvariantCulture);
        return new InboxItem
        {
            Source = InboxSources.Timer,
            DeliveryId = $"{incident.Repo}#{issue}@{due.UtcDateTime:O}",
            Repo = incident.Repo.ToString(),
            IncidentKey = incident.Key,
            Priority = DeliveryOrdering.TimedStepPriority,
            Payload = issue,
            ReceivedAt = now,
        };
    }
}
