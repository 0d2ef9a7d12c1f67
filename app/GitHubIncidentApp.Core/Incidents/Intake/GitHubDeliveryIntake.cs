using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Takes a GitHub delivery once the host verified its signature: an event the incident logic uses is stored in the
/// inbox before it is acknowledged; the rest are answered and dropped. It reads the raw body with
/// <see cref="GitHubEventParser"/> (shared with the Action).
/// </summary>
public sealed partial class GitHubDeliveryIntake(IInbox inbox, IIncidentIndex index, InboxSignal signal, TimeProvider time, MetricsRegistry metrics, ILogger<GitHubDeliveryIntake> logger)
{
    public async Task<IntakeAnswer> ReceiveAsync(string eventName, string deliveryId, string body, CancellationToken cancellationToken)
    {
        var parsed = GitHubEventParser.Parse(eventName, body, deliveryId);
        if (parsed.Error is { } error)
        {
            return Refuse(MetricsReason.BadPayload, IntakeOutcome.BadRequest, error, eventName, deliveryId);
        }

        if (parsed.Event is null)
        {
            LogIgnored(deliveryId, eventName, parsed.IgnoredReason!);
            return Received(new IntakeAnswer(IntakeOutcome.Ignored, parsed.IgnoredReason!) { DeliveryId = deliveryId });
        }

        if (parsed.Event is PingEvent)
        {
            LogPing(deliveryId);
            return Received(new IntakeAnswer(IntakeOutcome.Pong) { DeliveryId = deliveryId });
        }

        var repo = InboxItems.RepoOf(parsed.Event);
        InboxItem item;
        Enqueued stored;
        try
        {
            // A redelivery (same X-GitHub-Delivery) stores nothing new: the inbox keeps the first.
            item = await InboxItems.ForGitHubEventAsync(index, eventName, deliveryId, parsed.Event, body, time.GetUtcNow(), cancellationToken);
            stored = await inbox.EnqueueAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotStored(ex, deliveryId, eventName, repo);
            metrics.DeliveriesRefused.Increment(MetricsRegistry.GitHubSource, ex is InboxFullException ? MetricsReason.InboxFull : MetricsReason.StoreFailed);
            return new IntakeAnswer(IntakeOutcome.Unavailable,
                "the delivery could not be stored; redeliver it from the GitHub App's 'Advanced' settings page (in token mode, the webhook's 'Recent Deliveries') once the app is healthy") { DeliveryId = deliveryId };
        }

        if (stored.Waiting)
        {
            signal.Wake();
        }

        LogAccepted(deliveryId, eventName, repo, item.IncidentKey);
        return Received(new IntakeAnswer(IntakeOutcome.Accepted) { DeliveryId = deliveryId });
    }

    /// <summary>A delivery refused before it reached the intake (by its signature, size or headers), logged and counted as the intake's own refusals.</summary>
    /// <param name="reason">A <see cref="MetricsReason"/>.</param>
    public IntakeAnswer Refuse(string reason, IntakeOutcome outcome, string error, string eventName, string deliveryId)
    {
        LogRefused(deliveryId, eventName, error);
        metrics.DeliveriesRefused.Increment(MetricsRegistry.GitHubSource, reason);
        return new IntakeAnswer(outcome, error) { DeliveryId = deliveryId };
    }

    private IntakeAnswer Received(IntakeAnswer answer)
    {
        metrics.DeliveriesReceived.Increment(MetricsRegistry.GitHubSource);
        return answer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused GitHub delivery {DeliveryId} ({Event}): {Reason}")]
    private partial void LogRefused(string deliveryId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted GitHub delivery {DeliveryId} ({Event}) for {Repo}, key {IncidentKey}")]
    private partial void LogAccepted(string deliveryId, string @event, string repo, string incidentKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored GitHub delivery {DeliveryId} ({Event}): {Reason}")]
    private partial void LogIgnored(string deliveryId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered GitHub's ping {DeliveryId}: the webhook reaches the app")]
    private partial void LogPing(string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store GitHub delivery {DeliveryId} ({Event}) for {Repo}; answered 503")]
    private partial void LogNotStored(Exception exception, string deliveryId, string @event, string repo);
}
