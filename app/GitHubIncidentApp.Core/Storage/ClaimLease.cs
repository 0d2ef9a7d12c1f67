using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Keeps an inbox claim alive while its delivery is handled: the lease is renewed every third of its length,
/// so slow work (a slow GitHub) never lets another replica take the delivery over. Should a renewal find the
/// claim lost all the same, the work is cancelled, as the new holder does it again.
/// </summary>
public static partial class ClaimLease
{
    /// <summary>
    /// Runs <paramref name="work"/> while renewing <paramref name="entry"/>'s claim; the renewals stop when the
    /// work ends, so the caller may then end the claim.
    /// </summary>
    /// <exception cref="ClaimLostException">A renewal found the claim lost; the work was cancelled.</exception>
    public static async Task HoldWhileAsync(
        IInbox inbox,
        InboxEntry entry,
        TimeSpan lease,
        TimeProvider time,
        ILogger logger,
        Func<CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(work);
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var working = work(holding.Token);
        var renewals = RenewUntilLostAsync(inbox, entry, lease, time, logger, holding.Token);
        bool lost;
        try
        {
            if (await Task.WhenAny(working, renewals) == renewals && await renewals)
            {
                await holding.CancelAsync();
            }

            try
            {
                await working;
            }
            catch (OperationCanceledException) when (renewals.IsCompletedSuccessfully && renewals.Result)
            {
                // Stopped because the claim was lost: reported below.
            }
        }
        finally
        {
            // Stops the renewals (the work is over) before the caller ends the claim.
            await holding.CancelAsync();
            lost = await renewals;
        }

        if (lost)
        {
            throw new ClaimLostException(
                entry.Id, entry.Attempts, "kept", "renewing its lease failed, as another worker claimed it again or it was released");
        }
    }

    /// <summary>True when a renewal found the claim lost; false when stopped.</summary>
    private static async Task<bool> RenewUntilLostAsync(
        IInbox inbox, InboxEntry entry, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                // Nearly every delivery ends before its first renewal: stopping must not cost an exception each time.
                await Task.Delay(lease / 3, time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stop.IsCancellationRequested)
                {
                    return false;
                }

                try
                {
                    if (!await inbox.RenewClaimAsync(entry, time.GetUtcNow() + lease, stop))
                    {
                        return true;
                    }
                }
                catch (StorageException exception)
                {
                    // The lease has two thirds left: the next renewal may well get through.
                    LogRenewalFailed(logger, exception, entry.Item.DeliveryId, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the claim on delivery {DeliveryId} failed; trying again: {Reason}")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string deliveryId, string reason);
}
