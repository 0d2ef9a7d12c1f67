using System.Net;
using System.Net.Sockets;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.Postgres;
using Npgsql;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServer server) : IAsyncLifetime
{
    private readonly List<PostgresDatabase> opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Replicas_starting_at_once_migrate_the_schema_once()
    {
        var url = await server.CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Open(url)).ToList();

        Assert.Equal(0, await replicas[0].GetSchemaVersionAsync(CancellationToken.None));
        await Task.WhenAll(replicas.Select(replica => replica.MigrateAsync(CancellationToken.None)));
        await replicas[1].MigrateAsync(CancellationToken.None);

        Assert.Equal(PostgresDatabase.LatestSchemaVersion, await replicas[3].GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal((long)PostgresDatabase.LatestSchemaVersion, await ScalarAsync(url, "SELECT COUNT(*) FROM schema_version;"));
        Assert.True(replicas[0].IsShared);
    }

    [Fact]
    public async Task A_schema_newer_than_the_app_is_refused()
    {
        var url = await server.CreateDatabaseAsync();
        await Open(url).MigrateAsync(CancellationToken.None);
        await ScalarAsync(url, "INSERT INTO schema_version (version) VALUES (99);");

        var error = await Assert.ThrowsAsync<StorageException>(() => Open(url).MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("point DATABASE_URL at another database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_says_how_to_create_it()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Open(server.Url("nowhere")).MigrateAsync(CancellationToken.None));

        Assert.StartsWith($"The database 'nowhere' does not exist on the PostgreSQL server at 127.0.0.1:{server.Port}. Create it", error.Message, StringComparison.Ordinal);
        Assert.IsType<PostgresException>(error.InnerException);
    }

    [Fact]
    public async Task A_wrong_password_points_at_the_credentials_and_is_not_repeated()
    {
        var error = await Assert.ThrowsAsync<StorageException>(
            () => Open(server.Url("postgres", wrongPassword: "not-the-password")).MigrateAsync(CancellationToken.None));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{server.Port} refused the user 'postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the user name and password in DATABASE_URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_says_to_check_host_and_port()
    {
        var port = ClosedLoopbackPort();

        var error = await Assert.ThrowsAsync<StorageException>(
            () => Open($"postgres://app:pw@127.0.0.1:{port}/incidents").GetSchemaVersionAsync(CancellationToken.None));

        Assert.StartsWith($"Nothing accepts connections at 127.0.0.1:{port} (connection refused). Check the host and port in DATABASE_URL", error.Message, StringComparison.Ordinal);
    }

    private PostgresDatabase Open(string url)
    {
        var database = new PostgresDatabase(url);
        opened.Add(database);
        return database;
    }

    private static async Task<object?> ScalarAsync(string url, string sql)
    {
        var builder = PostgresUrl.Parse(url);
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
