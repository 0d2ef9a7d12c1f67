using System.Data.Common;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Stores a group commit's deliveries in the caller's transaction: one statement each (a repeat is stored done,
/// superseded, see <see cref="InboxCoalescing"/>; a redelivery stores nothing and gets the first row's id), sent in one
/// round trip where the database takes batches (PostgreSQL), and within the inbox's limit.
/// </summary>
internal sealed class InboxArrivals(ISqlDatabase database, int maxPending, IDeliveryMetrics? metrics)
{
    private const string Insert =
        $"""
        WITH {InboxCoalescing.Superseding}
        INSERT INTO inbox (source, delivery_id, repo, incident_key, payload, received_at, priority, status, finished_at, superseded_by)
        SELECT @source, @delivery, @repo, @key, @payload, @received, @priority,
               CASE WHEN superseding.id IS NULL THEN 'pending' ELSE 'done' END,
               CASE WHEN superseding.id IS NULL THEN NULL ELSE @received END,
               superseding.id
        FROM (SELECT 1 AS one) arrival LEFT JOIN superseding ON 1 = 1
        WHERE 1 = 1
        ON CONFLICT (source, delivery_id) DO NOTHING
        RETURNING id, status;
        """;

    private readonly InboxBacklogBound backlogBound = new(maxPending);

    public async Task<IReadOnlyList<WriteOutcome<Enqueued>>> StoreAsync(DbConnection connection, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome<Enqueued>[items.Count];
        var unsent = new List<int>();
        InboxFullException? full = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (full is null && backlogBound.MustCount)
            {
                // The count must see the deliveries this batch has stored so far.
                await SendAsync(connection, items, unsent, outcomes, cancellationToken);
                full = await CountAsync(connection, cancellationToken);
            }

            if (full is not null)
            {
                outcomes[i] = new(default, full);
                continue;
            }

            // Counted before it is known whether the delivery will wait, given back if it does not (see Stored).
            backlogBound.Inserted();
            unsent.Add(i);
        }

        await SendAsync(connection, items, unsent, outcomes, cancellationToken);
        return outcomes;
    }

    /// <summary>Null while the backlog is under the limit; once it is reached, the rest of the batch is refused too.</summary>
    private async Task<InboxFullException?> CountAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var backlog = (long)(await connection.ScalarAsync("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'claimed');", cancellationToken))!;
        if (backlog >= maxPending)
        {
            return new InboxFullException(backlog);
        }

        backlogBound.Counted(backlog);
        return null;
    }

    private async Task SendAsync(DbConnection connection, IReadOnlyList<InboxItem> items, List<int> unsent, WriteOutcome<Enqueued>[] outcomes, CancellationToken cancellationToken)
    {
        if (unsent.Count == 0)
        {
            return;
        }

        IReadOnlyList<IReadOnlyList<(long Id, bool Waiting)>> stored;
        if (connection.CanCreateBatch)
        {
            stored = await connection.BatchAsync(Insert, [.. unsent.Select(i => Parameters(items[i]))], ReadStored, cancellationToken);
        }
        else
        {
            var oneByOne = new List<IReadOnlyList<(long Id, bool Waiting)>>(unsent.Count);
            foreach (var i in unsent)
            {
                oneByOne.Add(await connection.ListAsync(Insert, ReadStored, cancellationToken, Parameters(items[i])));
            }

            stored = oneByOne;
        }

        for (var n = 0; n < unsent.Count; n++)
        {
            var item = items[unsent[n]];
            outcomes[unsent[n]] = new(stored[n] switch
            {
                [var row] => Stored(row),
                _ => Redelivered(
                    (long)(await connection.ScalarAsync(
                        "SELECT id FROM inbox WHERE source = @source AND delivery_id = @delivery;",
                        cancellationToken,
                        ("@source", item.Source),
                        ("@delivery", item.DeliveryId)))!),
            }, null);
        }

        unsent.Clear();
    }

    /// <summary>A delivery already stored (the same id from the same source) adds nothing to the backlog.</summary>
    private Enqueued Redelivered(long firstId)
    {
        backlogBound.NotWaiting();
        return new Enqueued(firstId, Waiting: false);
    }

    private Enqueued Stored((long Id, bool Waiting) row)
    {
        if (!row.Waiting)
        {
            backlogBound.NotWaiting();
            metrics?.Processed(ProcessingOutcome.Superseded);
        }

        return new Enqueued(row.Id, row.Waiting);
    }

    private static (long Id, bool Waiting) ReadStored(DbDataReader reader) => (reader.GetInt64(0), reader.GetString(1) == "pending");

    private (string, object?)[] Parameters(InboxItem item) =>
    [
        ("@source", item.Source),
        ("@delivery", item.DeliveryId),
        ("@repo", item.Repo),
        ("@key", item.IncidentKey),
        ("@payload", item.Payload),
        ("@received", database.ToDatabaseTime(item.ReceivedAt)),
        ("@priority", item.Priority),
    ];
}
