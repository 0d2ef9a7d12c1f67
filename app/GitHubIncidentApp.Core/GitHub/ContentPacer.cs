namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Keeps content-creating requests (new issues and comments) of one installation under GitHub's
/// published limits, by waiting for a slot of the <see cref="IContentBudget"/> instead of running into a
/// secondary rate limit, whose penalty is longer than the wait. Each caller takes its slot before it
/// waits; the callers of this process waiting on one installation then trade their slots so the most
/// urgent (<see cref="ContentPriority"/>) goes first, and among equals the one that asked first. Trading
/// leaves the set of slot times as it was, so the limits hold. One that gives up waiting gives its slot back.
/// </summary>
public sealed class ContentPacer(IContentBudget budget, TimeProvider time)
{
    // This process's callers waiting for their slots, by installation; the lock also guards each waiter's slot.
    private readonly Dictionary<string, List<Waiter>> waiters = new(StringComparer.OrdinalIgnoreCase);
    private long asked;
    private long waitedTicks;

    /// <summary>Callers waiting for their slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (waiters)
            {
                return waiters.Values.Sum(queue => queue.Count);
            }
        }
    }

    /// <summary>All the time callers have waited for their slots, given up waits included.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref waitedTicks));

    /// <summary>Waits until <paramref name="installation"/> (the repository owner) may create content, and takes that slot.</summary>
    public async Task WaitForSlotAsync(string installation, CancellationToken cancellationToken)
    {
        var slot = await budget.ReserveAsync(installation, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        if (slot.At <= started)
        {
            return;
        }

        var me = new Waiter(ContentPriority.Current, Interlocked.Increment(ref asked), slot);
        List<Waiter> queue;
        lock (waiters)
        {
            if (!waiters.TryGetValue(installation, out queue!))
            {
                queue = [];
                waiters[installation] = queue;
            }

            queue.Add(me);
            Trade(queue);
        }

        try
        {
            while (true)
            {
                Task traded;
                TimeSpan wait;
                lock (waiters)
                {
                    wait = me.Slot.At - time.GetUtcNow();
                    if (wait <= TimeSpan.Zero)
                    {
                        queue.Remove(me);
                        return;
                    }

                    traded = me.Traded;
                }

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(Task.Delay(wait, time, stop.Token), traded).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            ContentSlot held;
            lock (waiters)
            {
                queue.Remove(me);
                held = me.Slot;
            }

            await budget.ReleaseAsync(held).ConfigureAwait(false);
            throw;
        }
        finally
        {
            Interlocked.Add(ref waitedTicks, (time.GetUtcNow() - started).Ticks);
        }
    }

    /// <summary>Hands the queue's slots out again: the earliest to the most urgent, then to whoever asked first.</summary>
    private static void Trade(List<Waiter> queue)
    {
        var slots = queue.Select(waiter => waiter.Slot).OrderBy(slot => slot.At).ToList();
        var order = queue.OrderByDescending(waiter => waiter.Priority).ThenBy(waiter => waiter.Asked).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Take(slots[i]);
        }
    }

    private sealed class Waiter(int priority, long asked, ContentSlot slot)
    {
        private TaskCompletionSource traded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Priority => priority;

        public long Asked => asked;

        public ContentSlot Slot { get; private set; } = slot;

        /// <summary>Completes when the waiter's slot changes hands.</summary>
        public Task Traded => traded.Task;

        public void Take(ContentSlot other)
        {
            if (other == Slot)
            {
                return;
            }

            Slot = other;
            var done = traded;
            traded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.SetResult();
        }
    }
}
