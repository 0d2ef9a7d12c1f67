using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>The readiness write commits a real change on both databases, and leaves the data as it was.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageProbeTests(PostgresServer server) : IDisposable
{
    private readonly TempDataDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task On_SQLite_the_probe_commits_a_write_another_connection_sees()
    {
        var database = await directory.OpenMigratedAsync();
        await using var observer = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await observer.OpenAsync();
        var before = await ScalarAsync(observer, "PRAGMA data_version;");

        await StorageProbe.WriteAsync(database, CancellationToken.None);

        Assert.NotEqual(before, await ScalarAsync(observer, "PRAGMA data_version;"));
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, await database.GetSchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task On_PostgreSQL_the_probe_commits_a_new_row_version()
    {
        var url = await server.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(url);
        await database.MigrateAsync(CancellationToken.None);
        await using var observer = new NpgsqlConnection(PostgresUrl.Parse(url).ConnectionString);
        await observer.OpenAsync();
        const string RowVersion = "SELECT xmin::text FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version);";
        var before = await ScalarAsync(observer, RowVersion);

        await StorageProbe.WriteAsync(database, CancellationToken.None);

        Assert.NotEqual(before, await ScalarAsync(observer, RowVersion));
        Assert.Equal(PostgresDatabase.LatestSchemaVersion, await database.GetSchemaVersionAsync(CancellationToken.None));
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
