using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// Runs the inbox: <see cref="AppSettings.Workers"/> workers process deliveries as they come and
/// retry them when due (the inbox gives each incident to one worker at a time), and old ones are pruned.
/// </summary>
public sealed partial class InboxWorker(IInbox inbox, IStorageDatabase database, InboxProcessor processor, InboxSignal signal, AppSettings settings, TimeProvider time, ILogger<InboxWorker> logger) : BackgroundService
{
    /// <summary>How long processed deliveries are kept, for looking into what happened.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    /// <summary>How often to look for deliveries whose retry time has come, when nothing wakes the worker.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // With one replica, a claim left over from before a restart belongs to a process that died. With
        // several, it may be another replica's live work: the claim's lease running out releases it instead.
        if (!database.IsShared)
        {
            await inbox.ReleaseStaleClaimsAsync(stoppingToken);
        }

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
        var pruned = await inbox.PruneDoneAsync(time.GetUtcNow() - Retention, stoppingToken);
        LogPruned(pruned, Retention.TotalDays);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} deliveries processed more than {Days} days ago")]
    private partial void LogPruned(int count, double days);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox could not be read; trying again")]
    private partial void LogInboxFailed(Exception exception);
}
