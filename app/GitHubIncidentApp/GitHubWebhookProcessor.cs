using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Primitives;
using Octokit.Webhooks;

namespace GitHubIncidentApp;

/// <summary>
/// Takes a GitHub delivery once its signature is verified: an event the incident logic uses is
/// stored in the inbox before it is acknowledged; the rest are answered and dropped. It reads the raw
/// body with <see cref="GitHubEventParser"/> (shared with the Action) instead of the library's models.
/// One instance per request: <see cref="Response"/> carries the answer back to the endpoint.
/// </summary>
public sealed partial class GitHubWebhookProcessor(IInbox inbox, IIncidentIndex index, InboxSignal signal, TimeProvider time, MetricsRegistry metrics, ILogger<GitHubWebhookProcessor> logger)
    : WebhookEventProcessor
{
    /// <summary>The answer to the delivery; null until it is processed.</summary>
    public IResult? Response { get; private set; }

    public override async ValueTask ProcessWebhookAsync(IDictionary<string, StringValues> headers, string body, CancellationToken cancellationToken = default)
    {
        var webhook = WebhookHeaders.Parse(headers);
        Response = await AcceptAsync(webhook.Event ?? "", webhook.Delivery ?? "", body, cancellationToken);
        // Answers without a status code are 200s.
        if (Response is IStatusCodeHttpResult { StatusCode: null or < 300 })
        {
            metrics.DeliveriesReceived.Increment(MetricsRegistry.GitHubSource);
        }
    }

    private async Task<IResult> AcceptAsync(string eventName, string deliveryId, string body, CancellationToken cancellationToken)
    {
        var parsed = GitHubEventParser.Parse(eventName, body, deliveryId);
        if (parsed.Error is { } error)
        {
            GitHubWebhookEndpoints.LogRefused(logger, deliveryId, eventName, error);
            metrics.DeliveriesRefused.Increment(MetricsRegistry.GitHubSource, MetricsReason.BadPayload);
            return GitHubWebhookEndpoints.Problem(StatusCodes.Status400BadRequest, error);
        }

        if (parsed.Event is null)
        {
            LogIgnored(logger, deliveryId, eventName, parsed.IgnoredReason!);
            return Results.Json(new { status = "ignored", deliveryId, reason = parsed.IgnoredReason });
        }

        if (parsed.Event is PingEvent)
        {
            LogPing(logger, deliveryId);
            return Results.Json(new { status = "pong", deliveryId });
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
            LogNotStored(logger, ex, deliveryId, eventName, repo);
            metrics.DeliveriesRefused.Increment(MetricsRegistry.GitHubSource, ex is InboxFullException ? MetricsReason.InboxFull : MetricsReason.StoreFailed);
            return GitHubWebhookEndpoints.Problem(StatusCodes.Status503ServiceUnavailable,
                "the delivery could not be stored; redeliver it from the GitHub App's 'Advanced' settings page once the app is healthy");
        }

        if (stored.Waiting)
        {
            signal.Wake();
        }

        LogAccepted(logger, deliveryId, eventName, repo, item.IncidentKey);
        return Results.Json(new { status = "accepted", deliveryId }, statusCode: StatusCodes.Status202Accepted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted GitHub delivery {DeliveryId} ({Event}) for {Repo}, key {IncidentKey}")]
    private static partial void LogAccepted(ILogger logger, string deliveryId, string @event, string repo, string incidentKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored GitHub delivery {DeliveryId} ({Event}): {Reason}")]
    private static partial void LogIgnored(ILogger logger, string deliveryId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered GitHub's ping {DeliveryId}: the webhook reaches the app")]
    private static partial void LogPing(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store GitHub delivery {DeliveryId} ({Event}) for {Repo}; answered 503")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string deliveryId, string @event, string repo);
}
