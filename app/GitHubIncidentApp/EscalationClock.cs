using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>Enqueues the timed steps come due (escalations, acknowledgement timeouts) on every tick (see <see cref="TimedStepIntake"/>).</summary>
public sealed partial class EscalationClock(TimedStepIntake steps, TimeProvider time, ILogger<EscalationClock> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await steps.EnqueueDueAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for due escalations; trying again at the next tick")]
    private partial void LogFailed(Exception exception);
}
