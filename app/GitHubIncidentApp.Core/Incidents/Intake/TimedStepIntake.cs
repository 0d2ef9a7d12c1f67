using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>Turns due timed steps (escalations, acknowledgement timeouts) into inbox deliveries (see <see cref="InboxItems.ForTimedStep"/>).</summary>
public sealed class TimedStepIntake(IIncidentIndex index, IInbox inbox, InboxSignal signal, TimeProvider time)
{
    private const int Batch = 100;

    /// <summary>Enqueues the steps due now; a step already waiting is stored once however often it is enqueued.</summary>
    public async Task EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await index.FindDueAsync(now, Batch, cancellationToken);
        foreach (var incident in due)
        {
            var stored = await inbox.EnqueueAsync(InboxItems.ForTimedStep(incident, now), cancellationToken);
            if (stored.Waiting)
            {
                signal.Wake();
            }
        }
    }
}
