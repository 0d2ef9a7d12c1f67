using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = SqliteInboxTests.T0;
    private readonly TempDataDirectory directory = new();
    private SqliteDatabase database = null!;

    public async Task InitializeAsync() => database = await directory.OpenMigratedAsync();

    public Task DisposeAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_full_inbox_refuses_new_deliveries_until_the_backlog_shrinks()
    {
        var inbox = new SqliteInbox(database, maxPending: 2);
        await inbox.EnqueueAsync(SqliteInboxTests.Item("d1", "k1"), CancellationToken.None);
        await inbox.EnqueueAsync(SqliteInboxTests.Item("d2", "k2"), CancellationToken.None);

        var full = await Assert.ThrowsAsync<InboxFullException>(() => inbox.EnqueueAsync(SqliteInboxTests.Item("d3", "k3"), CancellationToken.None));
        var claimed = await inbox.ClaimNextAsync(T0.AddDays(1), CancellationToken.None);
        await inbox.CompleteAsync(claimed!.Id, T0, CancellationToken.None);
        await inbox.EnqueueAsync(SqliteInboxTests.Item("d3", "k3"), CancellationToken.None);

        Assert.Equal(2, full.Backlog);
        Assert.Contains("its limit", full.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task Pruning_deletes_only_deliveries_done_before_the_cut()
    {
        var inbox = new SqliteInbox(database);
        foreach (var id in new[] { "old", "new", "waiting" })
        {
            await inbox.EnqueueAsync(SqliteInboxTests.Item(id, id), CancellationToken.None);
        }

        var old = await inbox.ClaimNextAsync(T0.AddDays(1), CancellationToken.None);
        await inbox.CompleteAsync(old!.Id, T0, CancellationToken.None);
        var recent = await inbox.ClaimNextAsync(T0.AddDays(1), CancellationToken.None);
        await inbox.CompleteAsync(recent!.Id, T0.AddDays(8), CancellationToken.None);

        var pruned = await inbox.PruneDoneAsync(T0.AddDays(7), CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal(1, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        Assert.Equal(recent.Id, await inbox.EnqueueAsync(SqliteInboxTests.Item("new", "new"), CancellationToken.None));
        Assert.NotEqual(old.Id, await inbox.EnqueueAsync(SqliteInboxTests.Item("old", "old"), CancellationToken.None));
    }
}
