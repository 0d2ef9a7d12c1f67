using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// Runs the inbox: <see cref="AppSettings.Workers"/> workers process deliveries as they come and
/// retry them when due (the inbox gives each incident to one worker at a time), and old ones are pruned.
/// </summary>
public sealed partial class InboxWorker(InboxUpkeep upkeep, InboxProcessor processor, InboxSignal signal, AppSettings settings, TimeProvider time, ILogger<InboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    /// <summary>How often to look for deliveries whose retry time has come, when nothing wakes the worker.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await upkeep.ReleaseStaleClaimsAsync(stoppingToken);
        var loops = Enumerable.Range(0, settings.Workers)
            .Select(_ => KeepGoingAsync(ProcessDueAsync, stoppingToken))
            .Append(KeepGoingAsync(PruneAsync, stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task ProcessDueAsync(CancellationToken stoppingToken)
    {
        while (await processor.ProcessNextAsync(stoppingToken))
        {
        }

        await signal.WaitAsync(IdlePoll, stoppingToken);
    }

    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        await upkeep.PruneAsync(stoppingToken);
        await Task.Delay(PruneEvery, time, stoppingToken);
    }

    private async Task KeepGoingAsync(Func<CancellationToken, Task> step, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await step(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The inbox itself failed (disk full, database locked): keep the worker alive and try again.
                LogInboxFailed(ex);
                await Task.Delay(IdlePoll, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox could not be read; trying again")]
    private partial void LogInboxFailed(Exception exception);
}
