using GitHubIncidentApp.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDataDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Migrate_creates_the_missing_directory_and_records_the_schema_version()
    {
        var path = Path.Combine(directory.Path, "nested", "data", "incidents.db");
        var database = directory.Track(new SqliteDatabase(path));

        await database.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(7, SqliteDatabase.LatestSchemaVersion);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, await database.GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal("wal", await QueryAsync(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Migrate_is_idempotent_across_calls_and_restarts_and_keeps_the_data()
    {
        var first = await directory.OpenMigratedAsync();
        var id = (await new SqliteInbox(first).EnqueueAsync(StorageSamples.Item("d1", "k1"), CancellationToken.None)).Id;

        await first.MigrateAsync(CancellationToken.None);
        var second = await directory.OpenMigratedAsync();

        Assert.Equal(7L, await QueryAsync(directory.DatabasePath, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, await second.GetSchemaVersionAsync(CancellationToken.None));
        var claimed = await new SqliteInbox(second).ClaimNextAsync(StorageSamples.T0, StorageSamples.Lease, CancellationToken.None);
        Assert.Equal(id, claimed?.Id);
    }

    [Fact]
    public async Task A_claim_from_before_leases_is_expired_by_the_upgrade()
    {
        // A version 3 file, as shipped before leases, with a row claimed by a process that died.
        Directory.CreateDirectory(directory.Path);
        var claimedAt = StorageSamples.T0.AddMinutes(-1);
        foreach (var step in SqliteMigrations.Steps.Take(3))
        {
            await QueryAsync(directory.DatabasePath, step);
        }

        await QueryAsync(directory.DatabasePath, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP); INSERT INTO schema_version (version) VALUES (1), (2), (3);");
        await QueryAsync(
            directory.DatabasePath,
            "INSERT INTO inbox (source, delivery_id, repo, incident_key, payload, received_at, status, attempts, claimed_at) " +
            $"VALUES ('alertmanager', 'd1', 'octo/app', 'k1', '{{}}', '{SqliteTime.ToText(claimedAt)}', 'claimed', 1, '{SqliteTime.ToText(claimedAt)}');");

        var inbox = new SqliteInbox(await directory.OpenMigratedAsync());
        var reclaimed = await inbox.ClaimNextAsync(StorageSamples.T0, StorageSamples.Lease, CancellationToken.None);

        Assert.Equal(("d1", 2, 0), (reclaimed?.Item.DeliveryId, reclaimed?.Attempts, reclaimed?.Item.Priority));
    }

    [Fact]
    public async Task A_file_never_migrated_has_schema_version_zero()
    {
        var database = directory.Track(new SqliteDatabase(Path.Combine(directory.Path, "empty.db")));
        Directory.CreateDirectory(directory.Path);

        Assert.Equal(0, await database.GetSchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_schema_newer_than_the_app_is_refused()
    {
        await directory.OpenMigratedAsync();
        await QueryAsync(directory.DatabasePath, "INSERT INTO schema_version (version) VALUES (99);");

        var error = await Assert.ThrowsAsync<StorageException>(
            () => directory.Track(new SqliteDatabase(directory.DatabasePath)).MigrateAsync(CancellationToken.None));

        Assert.Contains(directory.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_is_a_directory_gets_a_clear_error()
    {
        Directory.CreateDirectory(directory.DatabasePath);

        var error = await Assert.ThrowsAsync<StorageException>(
            () => directory.Track(new SqliteDatabase(directory.DatabasePath)).MigrateAsync(CancellationToken.None));

        Assert.Contains($"'{directory.DatabasePath}' is a directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("DATA_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_gets_a_clear_error()
    {
        // A regular file where the directory should be: fails even for root, unlike file permissions.
        Directory.CreateDirectory(directory.Path);
        var blocker = Path.Combine(directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");
        var dataDirectory = Path.Combine(blocker, "data");

        var error = await Assert.ThrowsAsync<StorageException>(
            () => directory.Track(new SqliteDatabase(Path.Combine(dataDirectory, "incidents.db"))).MigrateAsync(CancellationToken.None));

        Assert.Contains($"Cannot create the data directory '{dataDirectory}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DATA_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_sqlite_database_gets_a_clear_error()
    {
        Directory.CreateDirectory(directory.Path);
        await File.WriteAllTextAsync(directory.DatabasePath, string.Concat(Enumerable.Repeat("this is not a database\n", 200)));

        var error = await Assert.ThrowsAsync<StorageException>(
            () => directory.Track(new SqliteDatabase(directory.DatabasePath)).MigrateAsync(CancellationToken.None));

        Assert.Equal(
            $"The file '{directory.DatabasePath}' is not a SQLite database. Move it away, or point DATA_DIR at another directory.",
            error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public async Task A_superseded_delivery_stays_in_the_file_done_and_names_the_one_that_superseded_it()
    {
        var inbox = new SqliteInbox(await directory.OpenMigratedAsync());
        var waiting = (await inbox.EnqueueAsync(StorageSamples.Alert("a1", "k1"), CancellationToken.None)).Id;
        var repeat = (await inbox.EnqueueAsync(StorageSamples.Alert("a2", "k1"), CancellationToken.None)).Id;

        Assert.Equal(
            $"done {waiting} 0 1",
            await QueryAsync(directory.DatabasePath, $"SELECT status || ' ' || superseded_by || ' ' || attempts || ' ' || (finished_at IS NOT NULL) FROM inbox WHERE id = {repeat};"));
    }

    private static async Task<object?> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
