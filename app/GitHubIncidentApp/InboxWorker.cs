using GitHubIncidentApp.Core.Incidents;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>Runs the inbox: processes deliveries as they come, and retries when they are due.</summary>
public sealed partial class InboxWorker(IInbox inbox, InboxProcessor processor, InboxSignal signal, ILogger<InboxWorker> logger) : BackgroundService
{
    /// <summary>How often to look for deliveries whose retry time has come, when nothing wakes the worker.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // With one replica, a claim left over from before a restart belongs to a process that died.
        await inbox.ReleaseStaleClaimsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await processor.ProcessNextAsync(stoppingToken))
                {
                }

                await signal.WaitAsync(IdlePoll, stoppingToken);
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
