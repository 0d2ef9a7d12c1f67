using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// Takes deliveries out of the inbox and applies them, no repository on more than its share of the
/// workers. A failure GitHub may get over is retried with backoff for as long as it takes (while GitHub
/// itself is failing, no later than its next probe); one that retrying cannot fix is parked for a person.
/// </summary>
public sealed partial class InboxProcessor(
    IInbox inbox,
    AlertDeliveryHandler alerts,
    GitHubEventHandler gitHubEvents,
    TimedStepHandler timedSteps,
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
        try
        {
            using (DeliveryScope.Enter(item.DeliveryId, item.ReceivedAt, retried: entry.Attempts > 1))
            using (ContentPriority.Enter(item.Priority))
            {
                await ClaimLease.HoldWhileAsync(inbox, entry, Lease, time, logger, handling => HandleAsync(entry, handling), cancellationToken);
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

    private async Task HandleAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var item = entry.Item;
        if (item.Source.StartsWith(InboxSources.GitHubPrefix, StringComparison.Ordinal))
        {
            var parsedEvent = GitHubEventParser.Parse(item.Source[InboxSources.GitHubPrefix.Length..], item.Payload, item.DeliveryId);
            if (parsedEvent.Error is not null)
            {
                throw new InvalidDeliveryException($"the stored GitHub delivery cannot be read: {parsedEvent.Error}");
            }

            if (parsedEvent.Event is not null)
            {
                await gitHubEvents.HandleAsync(parsedEvent.Event, cancellationToken);
            }

            return;
        }

        if (item.Source == InboxSources.Timer)
        {
            if (!RepoRef.TryParse(item.Repo, out var timerRepo) || !int.TryParse(item.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var issueNumber))
            {
                throw new InvalidDeliveryException($"the stored timer delivery names no issue: '{item.Repo}' '{item.Payload}'");
            }

            await timedSteps.HandleAsync(timerRepo, issueNumber, cancellationToken);
            return;
        }

        if (item.Source != InboxSources.Alertmanager)
        {
            throw new InvalidDeliveryException($"no handler for deliveries from '{item.Source}'");
        }

        var parsed = AlertmanagerPayloadParser.Parse(System.Text.Encoding.UTF8.GetBytes(item.Payload));
        if (parsed.Payload is null)
        {
            throw new InvalidDeliveryException($"the stored delivery cannot be read: {string.Join("; ", parsed.Errors)}");
        }

        // Only a delivery stored before names were checked on arrival can fail here; retrying cannot mend it.
        var (repo, problem) = RepoRef.Parse(item.Repo);
        if (repo is null)
        {
            throw new InvalidDeliveryException($"the stored delivery's repository is refused ({problem}); send the alerts again to a valid repository");
        }

        await alerts.HandleAsync(repo, parsed.Payload, retried: entry.Attempts > 1, cancellationToken);
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

/// <summary>A stored delivery that can never be processed.</summary>
public sealed class InvalidDeliveryException(string message) : Exception(message);
