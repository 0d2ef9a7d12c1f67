using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>What handling a delivery did, as far as a host reports it.</summary>
/// <param name="Alerts">What an Alertmanager delivery did to its incident; null for other deliveries.</param>
/// <param name="Ignored">Why a GitHub event changed nothing: the app does not use it; null otherwise.</param>
public sealed record DispatchOutcome(DeliveryOutcome? Alerts = null, string? Ignored = null)
{
    public static DispatchOutcome Handled { get; } = new();
}

/// <summary>
/// Hands an inbox item to its handler, then keeps the markers up to the index where the index does not keep the
/// state (<see cref="MarkerWriteBack"/>). The one pipeline of both hosts: the App's <see cref="InboxProcessor"/>
/// (which claims, retries and parks around it) and the Action's run.
/// </summary>
public sealed class DeliveryDispatcher(AlertDeliveryHandler alerts, GitHubEventHandler gitHubEvents, TimedStepHandler timedSteps, MarkerWriteBack markers)
{
    /// <param name="retried">True when an earlier attempt at this delivery failed, possibly after writing to GitHub.</param>
    /// <exception cref="InvalidDeliveryException">The item can never be handled; nothing was done.</exception>
    public async Task<DispatchOutcome> DispatchAsync(InboxItem item, bool retried, CancellationToken cancellationToken)
    {
        var delivery = Delivery.Read(item);
        return await markers.AfterAsync(() => HandleAsync(delivery, retried, cancellationToken), cancellationToken);
    }

    private async Task<DispatchOutcome> HandleAsync(Delivery delivery, bool retried, CancellationToken cancellationToken)
    {
        switch (delivery)
        {
            case Delivery.Alerts delivered:
                return new DispatchOutcome(Alerts: await alerts.HandleAsync(delivered.Repo, delivered.Payload, retried, cancellationToken));
            case Delivery.Event happened:
                await gitHubEvents.HandleAsync(happened.GitHubEvent, cancellationToken);
                return DispatchOutcome.Handled;
            case Delivery.TimedStep step:
                await timedSteps.HandleAsync(step.Repo, step.IssueNumber, cancellationToken);
                return DispatchOutcome.Handled;
            case Delivery.IgnoredEvent ignored:
                return new DispatchOutcome(Ignored: ignored.Reason);
            default:
                throw new ArgumentOutOfRangeException(nameof(delivery), delivery.GetType().Name, "no handler for this delivery");
        }
    }
}
