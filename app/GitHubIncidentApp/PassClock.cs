namespace GitHubIncidentApp;

/// <summary>
/// A background loop that runs a pass at start and then every <paramref name="interval"/>. A failed pass is logged and the
/// next one runs at its time, so one bad pass (GitHub down, a repository's broken config) never stops the loop.
/// </summary>
public abstract partial class PassClock(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What the pass does, for the log line when it fails ("look for due escalations").</summary>
    protected abstract string Work { get; }

    /// <summary>False: the clock has nothing to do in this process and does not run.</summary>
    protected virtual bool IsOn => true;

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    /// <summary>Waits for <paramref name="next"/>, the next pass's time; a clock with work between passes does it here.</summary>
    protected virtual Task WaitForNextAsync(Task next, CancellationToken cancellationToken) => next;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (IsOn && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
                await WaitForNextAsync(Task.Delay(interval, time, stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, Work, ex);
                await Task.Delay(interval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not {Work}; trying again at the next pass")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
