using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.Postgres;
using Npgsql;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Incident locks across two replicas (two connection pools) on one real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentLocksTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private string _url = "";
    private PostgresDatabase _first = null!;
    private PostgresDatabase _second = null!;

    public async Task InitializeAsync()
    {
        _url = await server.CreateDatabaseAsync();
        (_first, _second) = (new PostgresDatabase(_url), new PostgresDatabase(_url));
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_key_held_by_one_replica_waits_on_the_other_and_other_keys_do_not()
    {
        var held = await new PostgresIncidentLocks(_first).AcquireAsync("operate-first/incidents abc", CancellationToken.None);
        var other = new PostgresIncidentLocks(_second);

        var waiting = other.AcquireAsync("operate-first/incidents abc", CancellationToken.None);
        await using (await other.AcquireAsync("operate-first/incidents def", CancellationToken.None).WaitAsync(Patience))
        {
            await Task.Delay(200);
            Assert.False(waiting.IsCompleted);
        }

        await held.DisposeAsync();
        await (await waiting.WaitAsync(Patience)).DisposeAsync();
    }

    [Fact]
    public async Task A_replica_that_dies_lets_go_of_its_locks()
    {
        await new PostgresIncidentLocks(_first).AcquireAsync("operate-first/incidents abc", CancellationToken.None);
        var waiting = new PostgresIncidentLocks(_second).AcquireAsync("operate-first/incidents abc", CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        // The server ends the holder's session, as it does when the replica's process dies and its connection drops.
        await using (var admin = new NpgsqlConnection(PostgresUrl.Parse(_url).ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted;", admin);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        await (await waiting.WaitAsync(Patience)).DisposeAsync();
    }

    [Fact]
    public async Task A_wait_ends_when_cancelled()
    {
        await using var held = await new PostgresIncidentLocks(_first).AcquireAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PostgresIncidentLocks(_second).AcquireAsync("k", cancel.Token));
    }
}
