using System.Data.Common;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The inbox in SQL, the same statements on SQLite and PostgreSQL. Rows go pending → claimed → done or
/// failed (or back to pending to retry); done and failed rows are kept until pruned. A claim is a lease:
/// it holds until <c>claimed_until</c>, and once that passes anyone may claim the row again. Each claim
/// adds one to <c>attempts</c>, which is the claim's fencing token: ending or renewing a claim checks it,
/// so a worker whose lease was taken over cannot touch the new holder's claim.
/// Per incident key, rows are handed out in enqueue order and one at a time; a failed row no longer holds its
/// key back. An Alertmanager repeat of the delivery waiting last for its key is stored done on arrival (see
/// <see cref="InboxCoalescing"/>).
/// </summary>
public abstract class SqlInbox : IInbox
{
    public const int DefaultMaxPending = 100_000;

    private const string EntryColumns =
        "id, source, delivery_id, repo, incident_key, payload, received_at, priority, attempts, not_before, last_error";

    private readonly ISqlDatabase database;
    private readonly GroupCommit<InboxItem, Enqueued> enqueues;

    /// <param name="maxPending">The backlog at which new deliveries are refused (the sender retries later) instead of growing without bound.</param>
    /// <param name="metrics">Told of each delivery superseded on arrival.</param>
    private protected SqlInbox(ISqlDatabase database, int maxPending, IDeliveryMetrics? metrics)
    {
        this.database = database;
        var arrivals = new InboxArrivals(database, maxPending, metrics);
        enqueues = new GroupCommit<InboxItem, Enqueued>(database, arrivals.StoreAsync);
    }

    /// <summary>Committed before it returns, in one transaction with the other deliveries arriving meanwhile (group commit).</summary>
    public Task<Enqueued> EnqueueAsync(InboxItem item, CancellationToken cancellationToken) =>
        enqueues.WriteAsync(item, cancellationToken);

    public Task<InboxEntry?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimNextAsync(now, lease, [], cancellationToken);

    public Task<InboxEntry?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, IReadOnlyCollection<string> skipRepos, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var skipped = skipRepos.Select((repo, index) => ($"@skip{index}", (object?)repo)).ToList();
        var notSkipped = skipped.Count == 0 ? "" : $"AND candidate.repo NOT IN ({string.Join(", ", skipped.Select(p => p.Item1))})";
        return database.WriteAsync(async connection =>
        {
            // A row is claimable when it is due (or its holder's lease ran out) and no other row of its key
            // is held under a live lease or waits before it: a due row never overtakes an older one waiting
            // for its retry; rows of skipped repositories wait. Among claimable rows, the most urgent goes first,
            // then the oldest. The status conditions, as written, let the database walk indexes of waiting rows alone.
            var databaseNow = database.ToDatabaseTime(now);
            var parameters = new (string, object?)[] { ("@now", databaseNow), ("@until", database.ToDatabaseTime(now + lease)) };
            var head = await connection.ListAsync(
                $"""
                SELECT candidate.id FROM inbox candidate
                WHERE candidate.status IN ('pending', 'claimed')
                  AND ((candidate.status = 'pending' AND (candidate.not_before IS NULL OR candidate.not_before <= @now))
                       OR (candidate.status = 'claimed' AND candidate.claimed_until <= @now))
                  AND NOT EXISTS (
                      SELECT 1 FROM inbox other
                      WHERE other.incident_key = candidate.incident_key
                        AND other.status IN ('pending', 'claimed')
                        AND other.id <> candidate.id
                        AND ((other.status = 'claimed' AND other.claimed_until > @now) OR other.id < candidate.id))
                  {notSkipped}
                ORDER BY candidate.priority DESC, candidate.id
                LIMIT 1
                {database.SkipLockedRows};
                """,
                reader => reader.GetInt64(0),
                cancellationToken,
                [.. parameters, .. skipped]);
            if (head.Count == 0)
            {
                return null;
            }

            await using var command = connection.Command(
                $"""
                UPDATE inbox SET status = 'claimed', attempts = attempts + 1, claimed_at = @now, claimed_until = @until
                WHERE id = @id
                RETURNING {EntryColumns};
                """,
                [.. parameters, ("@id", head[0])]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
        }, cancellationToken);
    }

    public async Task<bool> RenewClaimAsync(InboxEntry entry, DateTimeOffset until, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            connection => connection.ExecuteAsync(
                $"UPDATE inbox SET claimed_until = @until WHERE {HeldBy};",
                cancellationToken,
                ("@until", database.ToDatabaseTime(until)),
                ("@id", entry.Id),
                ("@attempts", entry.Attempts)),
            cancellationToken) > 0;

    public Task CompleteAsync(InboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndClaimAsync(
            entry,
            "completed",
            "status = 'done', finished_at = @time",
            [("@time", database.ToDatabaseTime(now))],
            cancellationToken);

    public Task RetryLaterAsync(InboxEntry entry, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        EndClaimAsync(
            entry,
            "retried",
            "status = 'pending', claimed_at = NULL, claimed_until = NULL, not_before = @time, last_error = @error",
            [("@time", database.ToDatabaseTime(retryAt)), ("@error", error)],
            cancellationToken);

    public Task FailAsync(InboxEntry entry, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndClaimAsync(
            entry,
            "failed",
            "status = 'failed', finished_at = @time, last_error = @error",
            [("@time", database.ToDatabaseTime(now)), ("@error", error)],
            cancellationToken);

    public Task ReleaseStaleClaimsAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "UPDATE inbox SET status = 'pending', claimed_at = NULL, claimed_until = NULL WHERE status = 'claimed';", cancellationToken),
            cancellationToken);

    public Task<int> PruneDoneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "DELETE FROM inbox WHERE status = 'done' AND finished_at < @before;",
                cancellationToken,
                ("@before", database.ToDatabaseTime(before))),
            cancellationToken);

    public Task<IReadOnlyList<InboxEntry>> ListFailedAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection => connection.ListAsync(
                $"SELECT {EntryColumns} FROM inbox WHERE status = 'failed' ORDER BY id LIMIT @limit;",
                ReadEntry,
                cancellationToken,
                ("@limit", limit)),
            cancellationToken);

    public async Task<bool> RetryFailedAsync(long id, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            connection => connection.ExecuteAsync(
                "UPDATE inbox SET status = 'pending', not_before = NULL, finished_at = NULL WHERE id = @id AND status = 'failed';",
                cancellationToken,
                ("@id", id)),
            cancellationToken) > 0;

    /// <summary>Pending counts every row not finished yet, claimed ones included: together they are the backlog.</summary>
    public Task<InboxStats> GetStatsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
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
                checked((int)reader.GetInt64(0)),
                checked((int)reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : database.ReadTime(reader, 2));
        }, cancellationToken);

    /// <summary>The claim <c>@id</c>/<c>@attempts</c> is still the one on the row.</summary>
    private const string HeldBy = "id = @id AND attempts = @attempts AND status = 'claimed'";

    private async Task EndClaimAsync(
        InboxEntry entry, string action, string assignments, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var lostBecause = await database.WriteAsync(async connection =>
        {
            var changed = await connection.ExecuteAsync(
                $"UPDATE inbox SET {assignments} WHERE {HeldBy};",
                cancellationToken,
                [("@id", entry.Id), ("@attempts", entry.Attempts), .. parameters]);
            return changed > 0 ? null : await WhyNotHeldAsync(connection, entry, cancellationToken);
        }, cancellationToken);
        if (lostBecause is not null)
        {
            throw new ClaimLostException(entry.Id, entry.Attempts, action, lostBecause);
        }
    }

    private static async Task<string> WhyNotHeldAsync(DbConnection connection, InboxEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT status, attempts FROM inbox WHERE id = @id;", ("@id", entry.Id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return "no such entry (unknown id, or pruned)";
        }

        var (status, attempts) = (reader.GetString(0), reader.GetInt32(1));
        return status switch
        {
            "claimed" when attempts != entry.Attempts =>
                $"its lease ran out and another worker claimed it again (attempt {attempts}), which now owns it",
            "pending" => "it is pending, not claimed (its claim was released at start-up, or it was already retried)",
            _ => $"it is already {(status == "done" ? "completed" : status)}",
        };
    }

    private InboxEntry ReadEntry(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Item = new InboxItem
        {
            Source = reader.GetString(1),
            DeliveryId = reader.GetString(2),
            Repo = reader.GetString(3),
            IncidentKey = reader.GetString(4),
            Payload = reader.GetString(5),
            ReceivedAt = database.ReadTime(reader, 6),
            Priority = reader.GetInt32(7),
        },
        Attempts = reader.GetInt32(8),
        NotBefore = reader.IsDBNull(9) ? default : database.ReadTime(reader, 9),
        LastError = reader.IsDBNull(10) ? null : reader.GetString(10),
    };
}
