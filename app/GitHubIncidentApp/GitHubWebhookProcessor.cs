using GitHubIncidentApp.Core.Incidents.Intake;
using Microsoft.Extensions.Primitives;
using Octokit.Webhooks;

namespace GitHubIncidentApp;

/// <summary>
/// Hands a verified GitHub delivery from the webhook library to <see cref="GitHubDeliveryIntake"/>, with the raw body
/// (not the library's models). One instance per request: <see cref="Response"/> carries the answer back to the endpoint.
/// </summary>
public sealed class GitHubWebhookProcessor(GitHubDeliveryIntake intake) : WebhookEventProcessor
{
    /// <summary>The answer to the delivery; null until it is processed.</summary>
    public IResult? Response { get; private set; }

    public override async ValueTask ProcessWebhookAsync(IDictionary<string, StringValues> headers, string body, CancellationToken cancellationToken = default)
    {
        var webhook = WebhookHeaders.Parse(headers);
        Response = GitHubWebhookEndpoints.Answer(await intake.ReceiveAsync(webhook.Event ?? "", webhook.Delivery ?? "", body, cancellationToken));
    }
}
