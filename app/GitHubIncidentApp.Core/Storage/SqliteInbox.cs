using Microsoft.Data.Sqlite;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The inbox on SQLite. Rows go pending → claimed → done or failed (or back to pending to retry);
/// done and failed rows are kept. Per incident key, rows are handed out strictly in enqueue order
/// and one at a time; a failed row no longer holds its key back.
/// </summary>
/// <param name="maxPending">The backlog at which new deliveries are refused (the sender retries later) instead of growing without bound.</param>
public sealed class SqliteInbox(SqliteDatabase database, int maxPending = SqliteInbox.DefaultMaxPending) : IInbox
{
    public const int DefaultMaxPending = 100_000;

    private const string EntryColumns =
        "id, source, delivery_id, repo, incident_key, payload, received_at, attempts, not_before, last_error";

    public Task<long> EnqueueAsync(InboxItem item, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var backlog = (long)(await connection.ScalarAsync("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'claimed');", cancellationToken))!;
            if (backlog >= maxPending)
            {
                throw new InboxFullException(backlog);
            }

            // A redelivery (same source and delivery id) stores nothing and gets the first row's id.
            var inserted = await connection.ScalarAsync(
                """
                INSERT INTO inbox (source, delivery_id, repo, incident_key, payload, received_at, status)
                VALUES ($source, $delivery, $repo, $key, $payload, $received, 'pending')
                ON CONFLICT (source, delivery_id) DO NOTHING
                RETURNING id;
                """,
                cancellationToken,
                ("$source", item.Source),
                ("$delivery", item.DeliveryId),
                ("$repo", item.Repo),
                ("$key", item.IncidentKey),
                ("$payload", item.Payload),
                ("$received", SqliteTime.ToText(item.ReceivedAt)));
            var id = inserted ?? await connection.ScalarAsync(
                "SELECT id FROM inbox WHERE source = $source AND delivery_id = $delivery;",
                cancellationToken,
                ("$source", item.Source),
                ("$delivery", item.DeliveryId));
            return (long)id!;
        }, cancellationToken);

    public Task<InboxEntry?> ClaimNextAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            // A row is claimable when it is due and no other row of its key is claimed or pending
            // before it: a due row never overtakes an older one waiting for its retry.
            await using var command = connection.Command(
                $"""
                UPDATE inbox SET status = 'claimed', attempts = attempts + 1, claimed_at = $now
                WHERE id = (
                    SELECT candidate.id FROM inbox candidate
                    WHERE candidate.status = 'pending'
                      AND (candidate.not_before IS NULL OR candidate.not_before <= $now)
                      AND NOT EXISTS (
                          SELECT 1 FROM inbox other
                          WHERE other.incident_key = candidate.incident_key
                            AND other.id <> candidate.id
                            AND (other.status = 'claimed' OR (other.status = 'pending' AND other.id < candidate.id)))
                    ORDER BY candidate.id
                    LIMIT 1)
                RETURNING {EntryColumns};
                """,
                ("$now", SqliteTime.ToText(now)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
        }, cancellationToken);

    public Task CompleteAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishClaimAsync(
            id,
            "completed",
            "status = 'done', finished_at = $time",
            [("$time", SqliteTime.ToText(now))],
            cancellationToken);

    public Task RetryLaterAsync(long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        FinishClaimAsync(
            id,
            "retried",
            "status = 'pending', claimed_at = NULL, not_before = $time, last_error = $error",
            [("$time", SqliteTime.ToText(retryAt)), ("$error", error)],
            cancellationToken);

    public Task FailAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishClaimAsync(
            id,
            "failed",
            "status = 'failed', finished_at = $time, last_error = $error",
            [("$time", SqliteTime.ToText(now)), ("$error", error)],
            cancellationToken);

    public Task ReleaseStaleClaimsAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "UPDATE inbox SET status = 'pending', claimed_at = NULL WHERE status = 'claimed';", cancellationToken),
            cancellationToken);

    public Task<int> PruneDoneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "DELETE FROM inbox WHERE status = 'done' AND finished_at < $before;",
                cancellationToken,
                ("$before", SqliteTime.ToText(before))),
            cancellationToken);

    public Task<IReadOnlyList<InboxEntry>> ListFailedAsync(int limit, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {EntryColumns} FROM inbox WHERE status = 'failed' ORDER BY id LIMIT $limit;",
                ("$limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var failed = new List<InboxEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                failed.Add(ReadEntry(reader));
            }

            return (IReadOnlyList<InboxEntry>)failed;
        }, cancellationToken);

    public async Task<bool> RetryFailedAsync(long id, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            connection => connection.ExecuteAsync(
                "UPDATE inbox SET status = 'pending', not_before = NULL, finished_at = NULL WHERE id = $id AND status = 'failed';",
                cancellationToken,
                ("$id", id)),
            cancellationToken) > 0;

    /// <summary>Pending counts every row not finished yet, claimed ones included: together they are the backlog.</summary>
    public Task<InboxStats> GetStatsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.Command(
                """
                SELECT
                    (SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'claimed')),
                    (SELECT COUNT(*) FROM inbox WHERE status = 'failed'),
                    (SELECT MIN(received_at) FROM inbox WHERE status IN ('pending', 'claimed'));
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new InboxStats(
                reader.GetInt32(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : SqliteTime.FromText(reader.GetString(2)));
        }, cancellationToken);

    private async Task FinishClaimAsync(
        long id, string outcome, string assignments, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var changed = await database.WriteAsync(
            connection => connection.ExecuteAsync(
                $"UPDATE inbox SET {assignments} WHERE id = $id AND status = 'claimed';",
                cancellationToken,
                [("$id", id), .. parameters]),
            cancellationToken);
        if (changed == 0)
        {
            // A caller bug, not a storage fault: only the holder of a claim may end it.
            throw new InvalidOperationException(
                $"Inbox entry {id} cannot be {outcome}: it is not claimed (unknown id, already finished, or released as stale). " +
                "Only an entry returned by ClaimNextAsync can be completed, retried or failed, once.");
        }
    }

    private static InboxEntry ReadEntry(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Item = new InboxItem
        {
            Source = reader.GetString(1),
            DeliveryId = reader.GetString(2),
            Repo = reader.GetString(3),
            IncidentKey = reader.GetString(4),
            Payload = reader.GetString(5),
            ReceivedAt = SqliteTime.FromText(reader.GetString(6)),
        },
        Attempts = reader.GetInt32(7),
        NotBefore = reader.IsDBNull(8) ? default : SqliteTime.FromText(reader.GetString(8)),
        LastError = reader.IsDBNull(9) ? null : reader.GetString(9),
    };
}
