using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Takes deliveries out of the inbox and applies them (<see cref="DeliveryDispatcher"/>), no repository on more
/// than its share of the workers; a delivery that fails is parked or tried again as <see cref="RetrySchedule"/> says.
/// </summary>
public sealed partial class InboxProcessor(
    IInbox inbox,
    DeliveryDispatcher dispatcher,
    TimeProvider time,
    WorkerShares shares,
    IDeliveryMetrics metrics,
    ILogger<InboxProcessor> logger)
{
    /// <summary>Processes one due delivery; false when there was none.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        using var held = await shares.ClaimAsync(busy => inbox.ClaimNextAsync(time.GetUtcNow(), RetrySchedule.Lease, busy, cancellationToken), cancellationToken);
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
                await ClaimLease.HoldWhileAsync(inbox, entry, RetrySchedule.Lease, time, logger, handling => dispatcher.DispatchAsync(item, retried, handling), cancellationToken);
            }

            await inbox.CompleteAsync(entry, time.GetUtcNow(), CancellationToken.None);
            metrics.Processed(ProcessingOutcome.Done);
        }
        catch (ClaimLostException)
        {
            throw;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var plan = RetrySchedule.After(ex, entry.Attempts, now, Random.Shared.NextDouble());
            switch (plan)
            {
                case RetryPlan.Park:
                    LogParked(ex, item.DeliveryId, ex.Message);
                    await inbox.FailAsync(entry, ex.Message, now, CancellationToken.None);
                    metrics.Processed(ProcessingOutcome.Failed);
                    return;
                case RetryPlan.WaitForGitHub wait:
                    LogWaitingForGitHub(item.DeliveryId, wait.At);
                    await inbox.RetryLaterAsync(entry, ex.Message, wait.At, CancellationToken.None);
                    break;
                case RetryPlan.Retry { RateLimited: true } retry:
                    LogRateLimited(ex, item.DeliveryId, entry.Attempts, retry.Delay.TotalSeconds, ex.Message);
                    await inbox.RetryLaterAsync(entry, ex.Message, now + retry.Delay, CancellationToken.None);
                    break;
                case RetryPlan.Retry retry:
                    LogRetrying(ex, item.DeliveryId, entry.Attempts, retry.Delay.TotalSeconds, ex.Message);
                    await inbox.RetryLaterAsync(entry, ex.Message, now + retry.Delay, CancellationToken.None);
                    break;
            }

            metrics.Processed(ProcessingOutcome.Retried);
        }
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
