using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// The Alertmanager webhook receiver. A delivery is stored in the inbox before it is acknowledged,
/// then processed in the background. Alertmanager retries only on 5xx, so every fault that a retry
/// cannot fix gets a 4xx with a body that says what to change.
/// </summary>
public static partial class AlertmanagerEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapAlertmanager(this IEndpointRouteBuilder app)
    {
        // One handler: it reads the repository from the request target itself (see AlertmanagerUrl).
        Delegate receive = (HttpContext http, AppSettings settings, IInbox inbox, InboxSignal signal, TimeProvider time, MetricsRegistry metrics, ILogger<AlertIntakeLog> logger) =>
            ReceiveAsync(http, settings, inbox, signal, time, metrics, logger);
        app.MapPost("/api/alertmanager", receive);
        app.MapPost("/api/alertmanager/{owner}/{repo}", receive);

        // Any other path below it, as routed after the server's normalisation, gets a 400 that says what to post to.
        app.MapPost($"/api/alertmanager/{{**{AlertmanagerUrl.OtherPath}}}", receive);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, AppSettings settings, IInbox inbox, InboxSignal signal, TimeProvider time, MetricsRegistry metrics, ILogger logger)
    {
        if (AlertmanagerAuth.Caller(http, settings) is not { } caller)
        {
            metrics.DeliveriesRefused.Increment(MetricsRegistry.AlertmanagerSource, MetricsReason.Auth);
            return AlertmanagerAuth.Unauthorized(http);
        }

        var (fromUrl, urlProblem) = AlertmanagerUrl.Target(http);
        if (urlProblem is not null)
        {
            return Refuse(metrics, MetricsReason.BadPayload, StatusCodes.Status400BadRequest, urlProblem);
        }

        if (!RequestBody.IsJson(http.Request))
        {
            return Refuse(metrics, MetricsReason.ContentType, StatusCodes.Status415UnsupportedMediaType,
                $"the body must be sent as application/json, not '{http.Request.ContentType}': this URL takes Alertmanager's webhook_config deliveries only, which are JSON");
        }

        var body = await RequestBody.ReadAtMostAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return Refuse(metrics, MetricsReason.TooLarge, StatusCodes.Status413PayloadTooLarge,
                $"the body is larger than {MaxBodyBytes / 1024} KiB: lower max_alerts in Alertmanager's webhook_config (50 is plenty)");
        }

        var parsed = AlertmanagerPayloadParser.Parse(body);
        if (parsed.Payload is null)
        {
            return Refuse(metrics, MetricsReason.BadPayload, StatusCodes.Status400BadRequest, "this is not an Alertmanager webhook payload (version 4)", parsed.Errors);
        }

        var (repo, problem, badName) = TargetRepository.Resolve(parsed.Payload, fromUrl, settings.DefaultRepo);
        if (repo is null)
        {
            return Refuse(metrics, MetricsReason.BadPayload, badName ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity, problem!);
        }

        if (!caller.Scope.Allows(repo))
        {
            LogOutOfScope(logger, repo.ToString(), caller.Setting);
            return Refuse(metrics, MetricsReason.Scope, StatusCodes.Status403Forbidden,
                $"{caller.Setting} may not reach {repo}: add it (or {repo.Owner}/*) to {caller.ScopeSetting} to let this Alertmanager's alerts open incidents there");
        }

        var item = InboxItems.ForAlerts(repo, parsed.Payload, System.Text.Encoding.UTF8.GetString(body), time.GetUtcNow());
        Enqueued stored;
        try
        {
            stored = await inbox.EnqueueAsync(item, http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotStored(logger, ex, item.DeliveryId);
            return Refuse(metrics, ex is InboxFullException ? MetricsReason.InboxFull : MetricsReason.StoreFailed,
                StatusCodes.Status503ServiceUnavailable, "the delivery could not be stored; Alertmanager will retry it");
        }

        metrics.DeliveriesReceived.Increment(MetricsRegistry.AlertmanagerSource);
        if (stored.Waiting)
        {
            signal.Wake();
        }

        LogAccepted(logger, item.DeliveryId, item.Repo, parsed.Payload.Status, parsed.Payload.Alerts.Count);
        return Results.Json(new { status = "accepted", deliveryId = item.DeliveryId, repository = item.Repo }, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Refuse(MetricsRegistry metrics, string reason, int status, string error, IReadOnlyList<string>? problems = null)
    {
        metrics.DeliveriesRefused.Increment(MetricsRegistry.AlertmanagerSource, reason);
        return Results.Json(new { error, problems = problems ?? [] }, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted Alertmanager delivery {DeliveryId} for {Repo}: {Status}, {Alerts} alert(s)")]
    private static partial void LogAccepted(ILogger logger, string deliveryId, string repo, string status, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an Alertmanager delivery for {Repo}: {Token} may not reach it")]
    private static partial void LogOutOfScope(ILogger logger, string repo, string token);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store Alertmanager delivery {DeliveryId}; answered 503 so Alertmanager retries")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string deliveryId);
}

/// <summary>Log category of the Alertmanager endpoint.</summary>
public sealed class AlertIntakeLog;
