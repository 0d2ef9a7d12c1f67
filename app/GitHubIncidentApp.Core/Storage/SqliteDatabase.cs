using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// One SQLite database file: owns the connection string and the schema. Each operation opens its
/// own pooled connection, so one instance is shared by every caller and thread. Call
/// <see cref="MigrateAsync"/> once at start-up, before anything else.
/// </summary>
public sealed class SqliteDatabase : ISqlDatabase, IDisposable
{
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string connectionString;
    private readonly WriteTurn writeTurn = new();

    public SqliteDatabase(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    public string FilePath { get; }

    public string Location => FilePath;

    /// <summary>One process owns the file (the inbox's claims rely on it; see <see cref="IInbox.ReleaseStaleClaimsAsync"/>).</summary>
    public bool IsShared => false;

    string ISqlDatabase.SkipLockedRows => "";

    // A write transaction holds the file's one write lock (BEGIN IMMEDIATE).
    string ISqlDatabase.LockKeyUntilCommit => "";

    /// <summary>The schema version this code creates and expects.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.Steps.Count;

    /// <summary>
    /// Creates the directory and the file if missing, switches to WAL and applies the migration
    /// steps the file lacks. Safe to call again, and from two processes at once.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        PrepareDirectory();
        await RunAsync<object?>(async connection =>
        {
            // journal_mode is stored in the file and cannot change inside a transaction.
            var mode = await connection.ScalarAsync("PRAGMA journal_mode = WAL;", cancellationToken) as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageException(
                    $"Cannot switch the database '{FilePath}' to WAL mode (it stays in '{mode}'). " +
                    "Put DATA_DIR on a local file system that supports shared memory.");
            }

            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);",
                cancellationToken);

            // Read the version under the write lock, so two processes never apply a step twice.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await SchemaSteps.ApplyAsync(
                connection, SqliteMigrations.Steps, FilePath, "point DATA_DIR at another directory", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }, cancellationToken);
    }

    /// <summary>The version recorded in the file; 0 for a file never migrated.</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            var exists = await connection.ScalarAsync(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';", cancellationToken);
            return (long)exists! == 0
                ? 0
                : await SchemaSteps.ReadVersionAsync(connection, cancellationToken);
        }, cancellationToken);

    /// <summary>Closes the pooled connections of this file (they hold file handles and the WAL open).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Runs <paramref name="work"/> on a fresh connection; SQLite errors become a <see cref="StorageException"/>.</summary>
    internal async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // Per connection: wait for a competing writer instead of failing, and make every
            // commit reach the disk before it returns (an acknowledged delivery must survive power loss).
            await connection.ExecuteAsync(
                $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;", cancellationToken);
            return await work(connection);
        }
        catch (SqliteException exception)
        {
            throw new StorageException(SqliteErrors.Describe(exception, FilePath), exception);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that takes the write lock up front (BEGIN IMMEDIATE),
    /// so a read-then-write cannot be overtaken by another writer. This process's writers queue for the lock
    /// in <see cref="WriteTurn"/>: left to SQLite, they would poll for it with sleeps of up to 100 ms each, which
    /// under load turns milliseconds of work into seconds of waiting.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, bool goAhead, CancellationToken cancellationToken)
    {
        using var turn = await writeTurn.TakeAsync(goAhead, cancellationToken);
        return await RunAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);
    }

    Task<T> ISqlDatabase.ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, cancellationToken);

    Task<T> ISqlDatabase.WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, goAhead: false, cancellationToken);

    Task<T> ISqlDatabase.WriteAheadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, goAhead: true, cancellationToken);

    object ISqlDatabase.ToDatabaseTime(DateTimeOffset time) => SqliteTime.ToText(time);

    DateTimeOffset ISqlDatabase.ReadTime(DbDataReader reader, int ordinal) => SqliteTime.FromText(reader.GetString(ordinal));

    private void PrepareDirectory()
    {
        if (Directory.Exists(FilePath))
        {
            throw new StorageException(
                $"The database path '{FilePath}' is a directory, not a file. Remove or rename that directory, " +
                "or point DATA_DIR at a directory where the app may create its database file.");
        }

        var directory = Path.GetDirectoryName(FilePath)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageException(
                $"Cannot create the data directory '{directory}' for the database '{FilePath}': {exception.Message} " +
                "Set DATA_DIR to a directory the app's user can write, or create it with the right owner.",
                exception);
        }
    }
}
