using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReplicaStartupTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_replica_starting_on_a_shared_database_leaves_the_other_replicas_claims_alone()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddInstallation("operate-first", 1001);
        var repo = github.Repo("operate-first", "incidents");
        var url = await postgres.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(url);
        await database.MigrateAsync(CancellationToken.None);
        var otherReplica = new PostgresInbox(database);
        await otherReplica.EnqueueAsync(
            new InboxItem
            {
                Source = "alertmanager",
                DeliveryId = "in-hand-elsewhere",
                Repo = "operate-first/incidents",
                IncidentKey = "held",
                Payload = Fixtures.Alertmanager("firing-truncated"),
                ReceivedAt = DateTimeOffset.UtcNow,
            },
            CancellationToken.None);
        var held = await otherReplica.ClaimNextAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), CancellationToken.None);

        await using var app = await RunningApp.StartAsync(github, settings: new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        using var response = await app.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"));
        await WaitForAsync(() => repo.Issues.Count > 0);

        // The app took the new delivery, yet the claim it found at start-up is still the other replica's.
        Assert.Contains("JupyterHub is down", Assert.Single(repo.Issues).Title, StringComparison.Ordinal);
        Assert.True(await otherReplica.RenewClaimAsync(held!, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
