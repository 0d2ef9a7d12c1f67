using System.Data.Common;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Group commit: concurrent writes of the same kind share one transaction, and each caller's task completes
/// when that transaction has committed (or fails with its error). A commit costs a disk flush, so under load
/// many deliveries paying for one flush is what lets intake keep up. Nothing runs while nobody writes: the
/// first caller into an idle queue starts a drain that commits batch after batch until the queue is empty.
/// </summary>
/// <typeparam name="TItem">What a caller writes.</typeparam>
/// <typeparam name="TResult">What each caller gets back once committed.</typeparam>
internal sealed class GroupCommit<TItem, TResult>(
    ISqlDatabase database,
    Func<DbConnection, IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<WriteOutcome<TResult>>>> writeBatch,
    int maxBatch = GroupCommit<TItem, TResult>.DefaultMaxBatch)
{
    /// <summary>Enough to carry thousands of deliveries a second on one flush each few milliseconds, few enough to keep a batch's transaction short.</summary>
    public const int DefaultMaxBatch = 256;

    private readonly Lock gate = new();
    private readonly Queue<Waiting> queue = new();
    private bool draining;

    /// <summary>
    /// Writes <paramref name="item"/> in the next batch and returns once that batch committed. Cancelling stops the
    /// wait, not the write: a delivery that was handed over may still be stored.
    /// </summary>
    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool startDrain;
        lock (gate)
        {
            queue.Enqueue(waiting);
            startDrain = !draining;
            draining = true;
        }

        if (startDrain)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return waiting.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                // Not the callers' tokens: a batch serves many callers, and one leaving must not undo the others' writes.
                // Callers wait on it for their answer, so it goes ahead of background writes.
                var written = await database.WriteAheadAsync(
                    connection => writeBatch(connection, batch.Select(w => w.Item).ToList(), CancellationToken.None),
                    CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (written[i].Error is { } error)
                    {
                        batch[i].Done.TrySetException(error);
                    }
                    else
                    {
                        batch[i].Done.TrySetResult(written[i].Result!);
                    }
                }
            }
            catch (Exception exception)
            {
                foreach (var waiting in batch)
                {
                    waiting.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>The next batch, or null when the queue is empty, in which case the drain ends.</summary>
    private List<Waiting>? TakeBatch()
    {
        lock (gate)
        {
            if (queue.Count == 0)
            {
                draining = false;
                return null;
            }

            var batch = new List<Waiting>(Math.Min(queue.Count, maxBatch));
            while (batch.Count < maxBatch && queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            return batch;
        }
    }

    private sealed record Waiting(TItem Item, TaskCompletionSource<TResult> Done);
}

/// <summary>One caller's outcome inside a committed batch: its result, or the error that concerns it alone.</summary>
internal readonly record struct WriteOutcome<TResult>(TResult? Result, Exception? Error);
