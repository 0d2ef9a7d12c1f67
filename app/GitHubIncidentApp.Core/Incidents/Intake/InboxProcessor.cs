using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Takes deliveries out of the inbox and applies them (<see cref="DeliveryDispatcher"/>), no repository on more
/// than its share of the workers. A failure GitHub may get over is retried with backoff for as long as it takes
/// (while GitHub itself is failing, no later than its next probe); one that retrying cannot fix is parked for a person.
/// </summary>
public sealed partial class InboxProcessor(
    IInbox inbox,
    DeliveryDispatcher dispatcher,
    TimeProvider time,
    WorkerShares shares,
    IDeliveryMetrics metrics,
    ILogger<InboxProcessor> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim holds without renewal; while a delivery is handled it is renewed every third of that.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Processes one due delivery; false when there was none.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        using var held = await shares.ClaimAsync(busy => inbox.ClaimNextAsync(time.GetUtcNow(), Lease, busy, cancellationToken), cancellationToken);
        if (held is null)
        {
            return false;
        }

        var entry = held.Entry;
        var item = entry.Item;
        using var scope = logger.BeginScope(new LogFields(("DeliveryId", item.DeliveryId), ("Repo", item.Repo)));
        try
        {
            await SettleAsync(entry, cancellationToken);
        }
        catch (ClaimLostException ex)
        {
            // Another worker (another replica) holds the delivery now and settles it.
            LogClaimLost(ex, item.DeliveryId, ex.Message);
        }

        return true;
    }

    private async Task SettleAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var item = entry.Item;
        var retried = entry.Attempts > 1;
        try
        {
            using (DeliveryScope.Enter(item.DeliveryId, item.ReceivedAt, retried))
            using (ContentPriority.Enter(item.Priority))
            {
                await ClaimLease.HoldWhileAsync(inbox, entry, Lease, time, logger, handling => dispatcher.DispatchAsync(item, retried, handling), cancellationToken);
            }

            await inbox.CompleteAsync(entry, time.GetUtcNow(), CancellationToken.None);
            metrics.Processed(ProcessingOutcome.Done);
        }
        catch (ClaimLostException)
        {
            throw;
        }
        catch (Exception ex) when (GitHubFailures.IsPermanent(ex) || ex is InvalidDeliveryException)
        {
            LogParked(ex, item.DeliveryId, ex.Message);
            await inbox.FailAsync(entry, ex.Message, time.GetUtcNow(), CancellationToken.None);
            metrics.Processed(ProcessingOutcome.Failed);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (ex is GitHubUnavailableException unavailable)
            {
                // Not sent: the delivery waits for the probe's turn, on no schedule of its own.
                LogWaitingForGitHub(item.DeliveryId, unavailable.RetryAt);
                await inbox.RetryLaterAsync(entry, ex.Message, unavailable.RetryAt, CancellationToken.None);
                metrics.Processed(ProcessingOutcome.Retried);
                return;
            }

            var delay = Backoff(entry.Attempts);
            if (GitHubFailures.IsOutage(ex) && delay > GitHubHealth.MaxProbeInterval)
            {
                // GitHub's own failure: its probe decides when calls go out again, so this delivery is back by then.
                delay = GitHubHealth.MaxProbeInterval;
            }

            if (GitHubFailures.RetryAfter(ex, now) is { } wait)
            {
                // The usual backoff still applies when longer: a limit hit again and again is tried less and less often.
                delay = wait > delay ? wait : delay;
                LogRateLimited(ex, item.DeliveryId, entry.Attempts, delay.TotalSeconds, ex.Message);
            }
            else
            {
                LogRetrying(ex, item.DeliveryId, entry.Attempts, delay.TotalSeconds, ex.Message);
            }

            await inbox.RetryLaterAsync(entry, ex.Message, now + delay, CancellationToken.None);
            metrics.Processed(ProcessingOutcome.Retried);
        }
    }

    /// <summary>5 s, 10 s, 20 s ... up to 10 minutes, with ±20 % jitter so retries of many deliveries spread out.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} parked as failed; retrying cannot fix it: {Reason}")]
    private partial void LogParked(Exception exception, string deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed on attempt {Attempts}; retrying in {DelaySeconds:F0}s: {Reason}")]
    private partial void LogRetrying(Exception exception, string deliveryId, int attempts, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} waits for GitHub to answer again; next try at {RetryAt:u}")]
    private partial void LogWaitingForGitHub(string deliveryId, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} is no longer this worker's to settle: {Reason}")]
    private partial void LogClaimLost(Exception exception, string deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was stopped by a GitHub rate limit on attempt {Attempts}; retrying in {DelaySeconds:F0}s: {Reason}")]
    private partial void LogRateLimited(Exception exception, string deliveryId, int attempts, double delaySeconds, string reason);
}
