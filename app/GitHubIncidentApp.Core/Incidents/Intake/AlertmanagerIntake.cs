using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Takes an Alertmanager delivery: stored in the inbox before it is acknowledged, then processed in the background.
/// Alertmanager retries only on 5xx, so every fault that a retry cannot fix is refused with what to change.
/// </summary>
/// <param name="defaultRepo">Where a delivery goes that names no repository in its URL or labels.</param>
public sealed partial class AlertmanagerIntake(
    AlertmanagerCallers callers, RepoRef? defaultRepo, IInbox inbox, InboxSignal signal, TimeProvider time, MetricsRegistry metrics, ILogger<AlertmanagerIntake> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IntakeAnswer> ReceiveAsync(AlertmanagerRequest request, CancellationToken cancellationToken)
    {
        if (callers.Caller(request.Token) is not { } caller)
        {
            return Refuse(MetricsReason.Auth, IntakeOutcome.Unauthorized, AlertmanagerCallers.Refusal);
        }

        var (fromUrl, urlProblem) = AlertmanagerUrl.Target(request.Target, request.Owner, request.Repo, request.OtherPath);
        if (urlProblem is not null)
        {
            return Refuse(MetricsReason.BadPayload, IntakeOutcome.BadRequest, urlProblem);
        }

        if (!DeliveryBody.IsJson(request.ContentType))
        {
            return Refuse(MetricsReason.ContentType, IntakeOutcome.UnsupportedMediaType,
                $"the body must be sent as application/json, not '{request.ContentType}': this URL takes Alertmanager's webhook_config deliveries only, which are JSON");
        }

        var body = await DeliveryBody.ReadAtMostAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Refuse(MetricsReason.TooLarge, IntakeOutcome.TooLarge,
                $"the body is larger than {MaxBodyBytes / 1024} KiB: lower max_alerts in Alertmanager's webhook_config (50 is plenty)");
        }

        var parsed = AlertmanagerPayloadParser.Parse(body);
        if (parsed.Payload is null)
        {
            return Refuse(MetricsReason.BadPayload, IntakeOutcome.BadRequest, "this is not an Alertmanager webhook payload (version 4)", parsed.Errors);
        }

        var (repo, problem, badName) = TargetRepository.Resolve(parsed.Payload, fromUrl, defaultRepo);
        if (repo is null)
        {
            return Refuse(MetricsReason.BadPayload, badName ? IntakeOutcome.BadRequest : IntakeOutcome.Unprocessable, problem!);
        }

        if (!caller.Scope.Allows(repo))
        {
            LogOutOfScope(repo.ToString(), caller.Setting);
            return Refuse(MetricsReason.Scope, IntakeOutcome.Forbidden,
                $"{caller.Setting} may not reach {repo}: add it (or {repo.Owner}/*) to {caller.ScopeSetting} to let this Alertmanager's alerts open incidents there");
        }

        var item = InboxItems.ForAlerts(repo, parsed.Payload, Encoding.UTF8.GetString(body), time.GetUtcNow());
        Enqueued stored;
        try
        {
            stored = await inbox.EnqueueAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotStored(ex, item.DeliveryId);
            return Refuse(ex is InboxFullException ? MetricsReason.InboxFull : MetricsReason.StoreFailed,
                IntakeOutcome.Unavailable, "the delivery could not be stored; Alertmanager will retry it");
        }

        metrics.DeliveriesReceived.Increment(MetricsRegistry.AlertmanagerSource);
        if (stored.Waiting)
        {
            signal.Wake();
        }

        LogAccepted(item.DeliveryId, item.Repo, parsed.Payload.Status, parsed.Payload.Alerts.Count);
        return new IntakeAnswer(IntakeOutcome.Accepted) { DeliveryId = item.DeliveryId, Repo = item.Repo };
    }

    private IntakeAnswer Refuse(string reason, IntakeOutcome outcome, string error, IReadOnlyList<string>? problems = null)
    {
        metrics.DeliveriesRefused.Increment(MetricsRegistry.AlertmanagerSource, reason);
        return new IntakeAnswer(outcome, error, problems ?? []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted Alertmanager delivery {DeliveryId} for {Repo}: {Status}, {Alerts} alert(s)")]
    private partial void LogAccepted(string deliveryId, string repo, string status, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an Alertmanager delivery for {Repo}: {Token} may not reach it")]
    private partial void LogOutOfScope(string repo, string token);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store Alertmanager delivery {DeliveryId}; answered 503 so Alertmanager retries")]
    private partial void LogNotStored(Exception exception, string deliveryId);
}
