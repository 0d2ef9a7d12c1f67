using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The upkeep of a durable inbox around its processing: the database made ready at start-up, claims a dead process
/// left released, deliveries processed long ago pruned.
/// </summary>
/// <param name="throwaway">The data lives only as long as the process (a dry run's made-up issues): the SQLite file starts empty.</param>
public sealed partial class InboxUpkeep(IStorageDatabase database, IInbox inbox, TimeProvider time, bool throwaway, ILogger<InboxUpkeep> logger)
{
    /// <summary>How long processed deliveries are kept, for looking into what happened.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Creates or migrates the database, before anything else uses it.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // A dry run never uses PostgreSQL (its settings refuse it), so it always has its own SQLite file.
        if (throwaway && database is SqliteDatabase sqlite)
        {
            DeleteFiles(sqlite.FilePath);
        }

        await database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// With one replica, a claim left over from before a restart belongs to a process that died. With several, it may
    /// be another replica's live work: the claim's lease running out releases it instead.
    /// </summary>
    public Task ReleaseStaleClaimsAsync(CancellationToken cancellationToken) =>
        database.IsShared ? Task.CompletedTask : inbox.ReleaseStaleClaimsAsync(cancellationToken);

    /// <summary>Deletes the deliveries processed more than <see cref="Retention"/> ago.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var pruned = await inbox.PruneDoneAsync(time.GetUtcNow() - Retention, cancellationToken);
        LogPruned(pruned, Retention.TotalDays);
    }

    // Dry-run issues live only in memory, so an index that names them must not outlive the process.
    private static void DeleteFiles(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            return;
        }

        // The database file and its -wal and -shm companions.
        foreach (var file in Directory.GetFiles(directory, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} deliveries processed more than {Days} days ago")]
    private partial void LogPruned(int count, double days);
}
