using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>Runs the report pass (see <see cref="ReportPass"/>): at start and every interval.</summary>
public sealed partial class ReportClock(ReportPass pass, TimeProvider time, ILogger<ReportClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass.RunAsync(stoppingToken);
                await Task.Delay(ReportPass.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(ReportPass.Interval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The incident report pass failed; trying again at the next pass")]
    private partial void LogFailed(Exception exception);
}
