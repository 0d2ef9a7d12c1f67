using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Metrics;
using Octokit.Webhooks;
using Octokit.Webhooks.AspNetCore;

namespace GitHubIncidentApp;

/// <summary>
/// The GitHub webhook receiver, <c>POST {WEBHOOK_PATH}</c>, on Octokit.Webhooks.AspNetCore. The
/// library answers a refused delivery with a bare 400 and takes "no secret, no signature" as valid,
/// so a filter checks each delivery first, with the library's own validator, and refuses with a 401
/// that says what to fix. <see cref="GitHubWebhookProcessor"/> then hands it to <see cref="GitHubDeliveryIntake"/>.
/// </summary>
public static class GitHubWebhookEndpoints
{
    /// <summary>
    /// GitHub caps webhook payloads at 25 MB, but the events the app subscribes to (issues, issue_comment,
    /// installation) stay far below 5 MB: an issue or comment body is at most 65,536 characters. The body is
    /// held in memory before its signature can be checked, so a lower cap keeps unsigned bodies from filling it.
    /// </summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    private const string EventHeader = "X-GitHub-Event";
    private const string DeliveryHeader = "X-GitHub-Delivery";
    private const string SignatureHeader = "X-Hub-Signature-256";
    private const string SignaturePrefix = "sha256=";

    public static IServiceCollection AddGitHubWebhooks(this IServiceCollection services)
    {
        // Scoped: the library resolves its processor per request, and the filter reads the answer from it.
        services.AddScoped<GitHubWebhookProcessor>();
        services.AddScoped<WebhookEventProcessor>(provider => provider.GetRequiredService<GitHubWebhookProcessor>());
        return services;
    }

    public static IEndpointRouteBuilder MapGitHubWebhookEndpoint(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<AppSettings>();
        app.MapGitHubWebhooks(settings.WebhookPath, settings.WebhookSecret)
            .AddEndpointFilter((context, next) => CheckDeliveryAsync(context, next, settings.WebhookSecret));
        return app;
    }

    /// <summary>The answer GitHub gets.</summary>
    internal static IResult Answer(IntakeAnswer answer) => answer.Outcome switch
    {
        IntakeOutcome.Accepted => Results.Json(new { status = "accepted", deliveryId = answer.DeliveryId }, statusCode: StatusCodes.Status202Accepted),
        IntakeOutcome.Ignored => Results.Json(new { status = "ignored", deliveryId = answer.DeliveryId, reason = answer.Message }),
        IntakeOutcome.Pong => Results.Json(new { status = "pong", deliveryId = answer.DeliveryId }),
        _ => Results.Json(new { error = answer.Message }, statusCode: IntakeStatus.Of(answer.Outcome)),
    };

    private static async ValueTask<object?> CheckDeliveryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string? secret)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var intake = http.RequestServices.GetRequiredService<GitHubDeliveryIntake>();
        var eventName = request.Headers[EventHeader].ToString();
        var deliveryId = request.Headers[DeliveryHeader].ToString();
        IResult Refuse(string reason, IntakeOutcome outcome, string error) => Answer(intake.Refuse(reason, outcome, error, eventName, deliveryId));

        if (secret is null)
        {
            return Refuse(MetricsReason.Auth, IntakeOutcome.Unauthorized,
                "WEBHOOK_SECRET is not set, so no delivery can be verified: set it to the webhook secret of the GitHub App's settings (in token mode, of the repository's or organisation's webhook) and restart the app");
        }

        // A delivery without a signature is refused before its body is read.
        var signature = request.Headers[SignatureHeader].ToString();
        if (CheckSignatureForm(signature) is { } badSignature)
        {
            return Refuse(MetricsReason.Auth, IntakeOutcome.Unauthorized, badSignature);
        }

        var body = await DeliveryBody.ReadAtMostAsync(request.Body, request.ContentLength, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return Refuse(MetricsReason.TooLarge, IntakeOutcome.TooLarge,
                $"the body is larger than {MaxBodyBytes / (1024 * 1024)} MB, far more than any delivery of the events this app subscribes to: only GitHub's deliveries are accepted here");
        }

        // Compares in constant time.
        if (WebhookSignatureValidator.Verify(signature, secret, body) != WebhookSignatureValidationResult.Valid)
        {
            return Refuse(MetricsReason.Auth, IntakeOutcome.Unauthorized,
                $"{SignatureHeader} does not match the body: the webhook secret in the GitHub App's settings (in token mode, the webhook's) differs from WEBHOOK_SECRET (make them the same), or the body was changed on the way");
        }

        if (CheckDelivery(request, eventName, deliveryId, body) is { } problem)
        {
            return Refuse(problem.Outcome == IntakeOutcome.UnsupportedMediaType ? MetricsReason.ContentType : MetricsReason.BadPayload, problem.Outcome, problem.Error);
        }

        // The library reads the body again, from memory, and verifies it again (same validator).
        request.Body = new MemoryStream(body, writable: false);
        var answer = await next(context);
        return http.RequestServices.GetRequiredService<GitHubWebhookProcessor>().Response ?? answer;
    }

    /// <summary>What is wrong with the signature header's form, or null when it looks like GitHub's.</summary>
    private static string? CheckSignatureForm(string header)
    {
        if (header.Length == 0)
        {
            return $"{SignatureHeader} is missing: set a webhook secret in the GitHub App's settings (in token mode, the webhook's), the same as WEBHOOK_SECRET, so GitHub signs its deliveries";
        }

        return header.StartsWith(SignaturePrefix, StringComparison.Ordinal) && header.Length == SignaturePrefix.Length + 64
            ? null
            : $"{SignatureHeader} must be '{SignaturePrefix}' and the 64 hex digits of the HMAC-SHA256 of the body (SHA-1 signatures are not accepted)";
    }

    /// <summary>The headers and encoding GitHub always sends; checked here so the library never refuses on its own, with no reason given.</summary>
    private static (IntakeOutcome Outcome, string Error)? CheckDelivery(HttpRequest request, string eventName, string deliveryId, byte[] body)
    {
        if (!DeliveryBody.IsJson(request.ContentType))
        {
            return (IntakeOutcome.UnsupportedMediaType,
                $"the body must be sent as application/json, not '{request.ContentType}': set the webhook's content type to application/json in GitHub's settings");
        }

        if (request.Headers[EventHeader].Count != 1 || eventName.Length == 0 || request.Headers[DeliveryHeader].Count != 1 || deliveryId.Length == 0)
        {
            return (IntakeOutcome.BadRequest,
                $"one {EventHeader} and one {DeliveryHeader} header are required: this URL takes GitHub's webhook deliveries only");
        }

        return System.Text.Unicode.Utf8.IsValid(body)
            ? null
            : (IntakeOutcome.BadRequest, "the body is not valid UTF-8 (GitHub sends UTF-8 JSON)");
    }
}
