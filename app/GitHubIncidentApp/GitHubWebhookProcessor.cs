using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents;
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

        var repo = RepoOf(parsed.Event);
        string incidentKey;
        Enqueued stored;
        try
        {
            incidentKey = await OrderingKeyAsync(parsed.Event, cancellationToken);
            // A redelivery (same X-GitHub-Delivery) stores nothing new: the inbox keeps the first.
            stored = await inbox.EnqueueAsync(new InboxItem
            {
                Source = InboxProcessor.GitHubSourcePrefix + eventName,
                DeliveryId = deliveryId,
                Repo = repo,
                IncidentKey = incidentKey,
                Payload = body,
                ReceivedAt = time.GetUtcNow(),
                Priority = DeliveryOrdering.GitHubEventPriority,
            }, cancellationToken);
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

        LogAccepted(logger, deliveryId, eventName, repo, incidentKey);
        return Results.Json(new { status = "accepted", deliveryId }, statusCode: StatusCodes.Status202Accepted);
    }

    private static string RepoOf(GitHubEvent gitHubEvent) => gitHubEvent switch
    {
        IssueCommentEvent comment => comment.Repo.ToString(),
        IssueChangeEvent change => change.Repo.ToString(),
        _ => "",
    };

    /// <summary>
    /// The inbox key that orders deliveries: an issue's events share their incident's key (so they
    /// queue behind its alerts), an installation's events share one key.
    /// </summary>
    private Task<string> OrderingKeyAsync(GitHubEvent gitHubEvent, CancellationToken cancellationToken) => gitHubEvent switch
    {
        IssueCommentEvent comment => DeliveryOrdering.ForIssueAsync(index, comment.Repo, comment.Issue.Number, cancellationToken),
        IssueChangeEvent change => DeliveryOrdering.ForIssueAsync(index, change.Repo, change.Issue.Number, cancellationToken),
        InstallationEvent installation => Task.FromResult($"installation/{installation.InstallationId}"),
        _ => throw new ArgumentOutOfRangeException(nameof(gitHubEvent), gitHubEvent.GetType().Name, "this event is not stored"),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted GitHub delivery {DeliveryId} ({Event}) for {Repo}, key {IncidentKey}")]
    private static partial void LogAccepted(ILogger logger, string deliveryId, string @event, string repo, string incidentKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored GitHub delivery {DeliveryId} ({Event}): {Reason}")]
    private static partial void LogIgnored(ILogger logger, string deliveryId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered GitHub's ping {DeliveryId}: the webhook reaches the app")]
    private static partial void LogPing(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store GitHub delivery {DeliveryId} ({Event}) for {Repo}; answered 503")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string deliveryId, string @event, string repo);
}
