using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>Runs the maintenance sync (see <see cref="MaintenancePass"/>): a pass at start and every interval, and changed windows as they are seen.</summary>
public sealed partial class MaintenanceClock(MaintenancePass pass, TimeProvider time, ILogger<MaintenanceClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!pass.IsOn)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass.RunAsync(stoppingToken);
                var next = Task.Delay(MaintenancePass.Interval, time, stoppingToken);
                while (!next.IsCompleted)
                {
                    await Task.WhenAny(next, pass.WaitForChangesAsync(stoppingToken));
                    await pass.SyncChangedAsync(stoppingToken);
                }

                await next;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(MaintenancePass.Interval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not sync the maintenance silences; trying again at the next pass")]
    private partial void LogFailed(Exception exception);
}
