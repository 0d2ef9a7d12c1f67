using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>A fresh database on the shared test server; a second open plays another replica (its own connection pool).</summary>
public sealed class PostgresBackend(PostgresServer server) : StorageBackend
{
    private readonly List<PostgresDatabase> opened = [];
    private string? url;

    public override async Task<IStorageDatabase> OpenAsync()
    {
        url ??= await server.CreateDatabaseAsync();
        var database = new PostgresDatabase(url);
        opened.Add(database);
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    public override IInbox Inbox(IStorageDatabase database, int maxPending = SqlInbox.DefaultMaxPending) =>
        new PostgresInbox((PostgresDatabase)database, maxPending);

    public override IIncidentIndex Index(IStorageDatabase database) => new PostgresIncidentIndex((PostgresDatabase)database);

    public override ISettingsSnapshots SettingsSnapshots(IStorageDatabase database) => new PostgresSettingsSnapshots((PostgresDatabase)database);

    public override IContentBudget ContentBudget(IStorageDatabase database, TimeProvider time, ContentLimits limits) =>
        new PostgresContentBudget((PostgresDatabase)database, time, limits);

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }
    }
}
