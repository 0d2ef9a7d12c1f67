using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// Turns due timed steps (escalations, acknowledgement timeouts) into inbox deliveries (see
/// <see cref="InboxItems.ForTimedStep"/>), on every tick.
/// </summary>
public sealed partial class EscalationClock(IIncidentIndex index, IInbox inbox, InboxSignal signal, TimeProvider time, ILogger<EscalationClock> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnqueueDueAsync(stoppingToken);
                await Task.Delay(Tick, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(Tick, time, stoppingToken);
            }
        }
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for due escalations; trying again at the next tick")]
    private partial void LogFailed(Exception exception);
}
