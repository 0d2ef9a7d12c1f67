using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Bench;

/// <summary>One app's data: its data directory, and its PostgreSQL database when <paramref name="databaseUrl"/> is set. Outlives app restarts.</summary>
internal sealed class BenchStorage(string dataDir, string? databaseUrl) : IDisposable
{
    public string DataDir { get; } = dataDir;

    public string? DatabaseUrl { get; } = databaseUrl;

    /// <summary>
    /// Writes <paramref name="items"/> into the app's inbox as the app's own intake does (the app must have created
    /// the schema, and must not be running: a SQLite file has one owner). The inbox's cap is lifted for the writer.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<InboxItem> items)
    {
        if (DatabaseUrl is null)
        {
            using var database = new SqliteDatabase(Path.Combine(DataDir, "incidents.db"));
            await EnqueueAsync(new SqliteInbox(database, int.MaxValue), items, writers: 1);
        }
        else
        {
            await using var database = new PostgresDatabase(DatabaseUrl);
            await EnqueueAsync(new PostgresInbox(database, int.MaxValue), items, writers: 8);
        }
    }

    public void Dispose() => Directory.Delete(DataDir, recursive: true);

    /// <summary>SQLite takes one writer at a time; PostgreSQL gains from a few, each waiting on its own commit.</summary>
    private static Task EnqueueAsync(IInbox inbox, IReadOnlyList<InboxItem> items, int writers) =>
        Parallel.ForEachAsync(
            items, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (item, cancellationToken) => await inbox.EnqueueAsync(item, cancellationToken));
}
