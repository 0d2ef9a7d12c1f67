using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Deliveries arriving together share a transaction, yet each is stored, refused or deduplicated on its own.</summary>
public abstract class InboxGroupCommitContractTests(StorageBackend backend) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Concurrent_deliveries_are_each_stored_once_with_their_own_payload_and_redeliveries_share_a_row()
    {
        var inbox = backend.Inbox(await backend.OpenAsync());
        var items = Enumerable.Range(0, 300).Select(i => Item($"d{i}", $"k{i % 7}") with { Payload = $"payload {i}" }).ToList();
        var redelivered = items.Take(50).ToList();

        var stored = await Task.WhenAll(items.Concat(redelivered).Select(item => Task.Run(() => inbox.EnqueueAsync(item, CancellationToken.None))));
        var ids = stored.Select(s => s.Id).ToArray();

        // Of a delivery and its redelivery, whichever was stored first waits (they race), never both.
        Assert.All(Enumerable.Range(0, 50), i => Assert.NotEqual(stored[i].Waiting, stored[300 + i].Waiting));
        Assert.All(stored[50..300], s => Assert.True(s.Waiting));
        Assert.Equal(300, ids[..300].Distinct().Count());
        Assert.Equal(ids[..50], ids[300..]);
        Assert.Equal(300, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        var payloadById = items.Select((item, i) => (ids[i], item.Payload)).ToDictionary();
        for (var claimed = 0; claimed < 300; claimed++)
        {
            var entry = await inbox.ClaimNextAsync(T0, Lease, CancellationToken.None);
            Assert.NotNull(entry);
            Assert.Equal(payloadById[entry.Id], entry.Item.Payload);
            await inbox.CompleteAsync(entry, T0, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_full_inbox_refuses_exactly_the_deliveries_over_its_limit_when_they_arrive_together()
    {
        var inbox = backend.Inbox(await backend.OpenAsync(), maxPending: 100);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await inbox.EnqueueAsync(Item($"d{i}", $"k{i}"), CancellationToken.None)).Id;
            }
            catch (InboxFullException)
            {
                return -1;
            }
        })));

        Assert.Equal(100, outcomes.Count(id => id > 0));
        Assert.Equal(50, outcomes.Count(id => id == -1));
        Assert.Equal(100, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
    }
}
