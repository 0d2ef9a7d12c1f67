namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Whose turn it is to write to a SQLite file, within this process: one writer at a time, in the order they
/// came, except that writers someone is waiting on for an answer (intake) go ahead of background work
/// (the workers' claims and completions), so an acknowledgement waits for at most the one write in progress.
/// </summary>
internal sealed class WriteTurn
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> ahead = new();
    private readonly Queue<TaskCompletionSource> inOrder = new();
    private bool taken;

    /// <summary>Waits for the turn; dispose the result to pass it on.</summary>
    public async Task<Held> TakeAsync(bool goAhead, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiting;
        lock (gate)
        {
            if (!taken)
            {
                taken = true;
                return new Held(this);
            }

            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (goAhead ? ahead : inOrder).Enqueue(waiting);
        }

        // A cancelled waiter stays queued; Pass skips it, as its task can no longer be given the turn.
        await using (cancellationToken.Register(() => waiting.TrySetCanceled(cancellationToken)))
        {
            await waiting.Task;
        }

        return new Held(this);
    }

    private void Pass()
    {
        lock (gate)
        {
            while (ahead.TryDequeue(out var next) || inOrder.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            taken = false;
        }
    }

    /// <summary>The turn, held until disposed.</summary>
    public sealed class Held(WriteTurn turn) : IDisposable
    {
        private int passed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref passed, 1) == 0)
            {
                turn.Pass();
            }
        }
    }
}
