namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Keeps content-creating requests (new issues and comments) of one installation under GitHub's
/// published limits, by waiting for a slot of the <see cref="IContentBudget"/> instead of running into a
/// secondary rate limit, whose penalty is longer than the wait. Each caller takes its slot before it
/// waits, so callers go in the order they asked; one that gives up waiting gives its slot back.
/// </summary>
public sealed class ContentPacer(IContentBudget budget, TimeProvider time)
{
    private int waiting;
    private long waitedTicks;

    /// <summary>Callers waiting for their slot now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>All the time callers have waited for their slots, given up waits included.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref waitedTicks));

    /// <summary>Waits until <paramref name="installation"/> (the repository owner) may create content, and takes that slot.</summary>
    public async Task WaitForSlotAsync(string installation, CancellationToken cancellationToken)
    {
        var slot = await budget.ReserveAsync(installation, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var wait = slot.At - started;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref waiting);
        try
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await budget.ReleaseAsync(slot).ConfigureAwait(false);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
            Interlocked.Add(ref waitedTicks, (time.GetUtcNow() - started).Ticks);
        }
    }
}
