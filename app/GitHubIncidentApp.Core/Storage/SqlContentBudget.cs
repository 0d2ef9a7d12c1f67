using System.Globalization;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// <see cref="IContentBudget"/> in the database, the same statements on SQLite and PostgreSQL: slots taken
/// before a restart, or by another replica, count against the same limits. An installation's slots are taken one
/// transaction at a time, which also prunes its slots older than an hour (so no two transactions prune the same
/// rows). Times come from each replica's clock, so replicas must keep their clocks in sync (NTP).
/// </summary>
public abstract class SqlContentBudget : IContentBudget
{
    private readonly ISqlDatabase database;
    private readonly TimeProvider time;
    private readonly ContentLimits limits;

    private protected SqlContentBudget(ISqlDatabase database, TimeProvider time, ContentLimits? limits)
    {
        this.database = database;
        this.time = time;
        this.limits = limits ?? ContentLimits.GitHub;
    }

    public Task<ContentSlot> ReserveAsync(string installation, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                var id = InstallationId(installation);
                if (database.LockKeyUntilCommit is { Length: > 0 } lockKey)
                {
                    await connection.ExecuteAsync(lockKey, cancellationToken, ("@key", $"content-budget:{id}"));
                }

                var now = time.GetUtcNow();
                await connection.ExecuteAsync(
                    "DELETE FROM content_slots WHERE installation = @installation AND slot_at <= @expired;",
                    cancellationToken,
                    ("@installation", id),
                    ("@expired", database.ToDatabaseTime(now - ContentLimits.Hour)));

                // Only slots within a window of now can hold the next one back.
                async Task<DateTimeOffset?> NthNewestAsync(int n, TimeSpan window) =>
                    (await connection.ListAsync<DateTimeOffset?>(
                        """
                        SELECT slot_at FROM content_slots WHERE installation = @installation AND slot_at > @since
                        ORDER BY slot_at DESC LIMIT 1 OFFSET @skip;
                        """,
                        reader => database.ReadTime(reader, 0),
                        cancellationToken,
                        ("@installation", id),
                        ("@since", database.ToDatabaseTime(now - window)),
                        ("@skip", n - 1))).SingleOrDefault();

                var at = limits.NextSlot(
                    now,
                    await NthNewestAsync(limits.PerMinute, ContentLimits.Minute),
                    await NthNewestAsync(limits.PerHour, ContentLimits.Hour));
                var slotId = await connection.ScalarAsync(
                    "INSERT INTO content_slots (installation, slot_at) VALUES (@installation, @at) RETURNING id;",
                    cancellationToken,
                    ("@installation", id),
                    ("@at", database.ToDatabaseTime(at)));
                return new ContentSlot(installation, at, Convert.ToInt64(slotId, CultureInfo.InvariantCulture));
            },
            cancellationToken);

    public async Task ReleaseAsync(ContentSlot slot)
    {
        try
        {
            await database.WriteAsync(
                connection => connection.ExecuteAsync(
                    "DELETE FROM content_slots WHERE id = @id;", CancellationToken.None, ("@id", slot.Id)),
                CancellationToken.None);
        }
        catch (StorageException)
        {
            // Giving back is a courtesy to later callers: the slot that stays only wastes itself, for at most an hour.
        }
    }

    // GitHub names are ASCII, so invariant lower-casing matches GitHub's case-insensitivity.
    private static string InstallationId(string installation) => installation.ToLowerInvariant();
}
