using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Bench;

/// <summary>One app's data: its data directory, and its PostgreSQL database when <paramref name="databaseUrl"/> is set. Outlives app restarts.</summary>
internal sealed class BenchStorage(string dataDir, string? databaseUrl) : IDisposable
{
    private const string SqliteFile = "incidents.db";

    /// <summary>A memory file system, where a commit's flush costs nothing.</summary>
    private const string ScratchRoot = "/dev/shm";

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
            await EnqueueOnScratchAsync(items);
        }
        else
        {
            await using var database = new PostgresDatabase(DatabaseUrl);
            await EnqueueAsync(new PostgresInbox(database, int.MaxValue), items, writers: 8);
        }
    }

    public void Dispose() => Directory.Delete(DataDir, recursive: true);

    /// <summary>
    /// Each enqueue commits and waits for the disk (the inbox's promise to Alertmanager): 100,000 of them would take
    /// minutes. So the database file moves to <see cref="ScratchRoot"/> for the writing, and back for the app.
    /// </summary>
    private async Task EnqueueOnScratchAsync(IReadOnlyList<InboxItem> items)
    {
        var scratch = Directory.Exists(ScratchRoot)
            ? Directory.CreateDirectory(Path.Combine(ScratchRoot, $"incident-app-bench-{Guid.NewGuid():N}")).FullName
            : DataDir;
        try
        {
            MoveDatabase(DataDir, scratch);
            using (var database = new SqliteDatabase(Path.Combine(scratch, SqliteFile)))
            {
                await EnqueueAsync(new SqliteInbox(database, int.MaxValue), items, writers: 1);
            }

            MoveDatabase(scratch, DataDir);
        }
        finally
        {
            if (scratch != DataDir)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>The file with its write-ahead log and shared memory, when they are there.</summary>
    private static void MoveDatabase(string from, string to)
    {
        if (from != to)
        {
            foreach (var file in Directory.GetFiles(from, $"{SqliteFile}*"))
            {
                File.Move(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }

    /// <summary>SQLite takes one writer at a time; PostgreSQL gains from a few, each waiting on its own commit.</summary>
    private static Task EnqueueAsync(IInbox inbox, IReadOnlyList<InboxItem> items, int writers) =>
        Parallel.ForEachAsync(
            items, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (item, cancellationToken) => await inbox.EnqueueAsync(item, cancellationToken));
}
