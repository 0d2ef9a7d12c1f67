using System.Data.Common;
using Npgsql;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// One PostgreSQL database, shared by every replica of the app: owns the connection pool and the schema.
/// One instance is shared by every caller and thread. Call <see cref="MigrateAsync"/> once at start-up.
/// </summary>
public sealed class PostgresDatabase : ISqlDatabase, IAsyncDisposable, IDisposable
{
    // Any fixed number: every replica takes the same advisory lock to migrate.
    private const long MigrationLock = 0x1ac1_de47_a99;

    private readonly NpgsqlConnectionStringBuilder connection;
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlDataSource sessions;

    /// <param name="databaseUrl">The DATABASE_URL, <c>postgres://user:password@host:port/database?sslmode=...</c>.</param>
    /// <exception cref="FormatException">The URL is malformed (see <see cref="PostgresUrl.Parse"/>).</exception>
    public PostgresDatabase(string databaseUrl)
    {
        connection = PostgresUrl.Parse(databaseUrl);
        Location = PostgresUrl.Describe(connection);
        // Reads and transactions leave nothing behind on their connection (their locks end with the transaction), so
        // their pool skips the DISCARD ALL that resets each connection it takes back: at 200 deliveries a second it was
        // the statement sent most. Sessions hold advisory locks, and keep that reset should one ever be left held.
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { NoResetOnClose = true }.ConnectionString);
        sessions = NpgsqlDataSource.Create(connection.ConnectionString);
    }

    public string Location { get; }

    public bool IsShared => true;

    string ISqlDatabase.SkipLockedRows => "FOR UPDATE SKIP LOCKED";

    // A 64-bit hash of the key: a collision only makes two keys take turns.
    string ISqlDatabase.LockKeyUntilCommit => "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0));";

    /// <summary>The schema version this code creates and expects.</summary>
    public static int LatestSchemaVersion => PostgresMigrations.Steps.Count;

    /// <summary>
    /// Applies the migration steps the database lacks, under an advisory lock held until the transaction
    /// ends: replicas starting at once take turns, and the later ones find nothing left to do.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        WriteAsync<object?>(async connection =>
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@lock);", cancellationToken, ("@lock", MigrationLock));
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());",
                cancellationToken);
            await SchemaSteps.ApplyAsync(
                connection, PostgresMigrations.Steps, Location, "point DATABASE_URL at another database", cancellationToken);
            return null;
        }, cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => await connection.ScalarAsync("SELECT to_regclass('schema_version') IS NOT NULL;", cancellationToken) is true
                ? await SchemaSteps.ReadVersionAsync(connection, cancellationToken)
                : 0,
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await sessions.DisposeAsync();
    }

    public void Dispose()
    {
        dataSource.Dispose();
        sessions.Dispose();
    }

    Task<T> ISqlDatabase.ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        ReadAsync(work, cancellationToken);

    Task<T> ISqlDatabase.WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, cancellationToken);

    // Writers do not queue for PostgreSQL: each transaction locks only the rows it touches.
    Task<T> ISqlDatabase.WriteAheadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var opened = await dataSource.OpenConnectionAsync(cancellationToken);
            return await work(opened);
        }
        catch (NpgsqlException exception)
        {
            throw new StorageException(PostgresErrors.Describe(exception, connection, Location), exception);
        }
    }

    /// <summary>An open connection the caller owns, for session state such as advisory locks, which lives as long as it.</summary>
    internal async Task<NpgsqlConnection> OpenSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await sessions.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new StorageException(PostgresErrors.Describe(exception, connection, Location), exception);
        }
    }

    private Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        ReadAsync(async opened =>
        {
            await using var transaction = await opened.BeginTransactionAsync(cancellationToken);
            var result = await work(opened);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);

    // Npgsql writes timestamptz from UTC values only.
    object ISqlDatabase.ToDatabaseTime(DateTimeOffset time) => time.ToUniversalTime();

    DateTimeOffset ISqlDatabase.ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
