using System.Collections.Concurrent;
using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Two instances on one database (two processes, or two replicas), each with several workers, drain a backlog.</summary>
public abstract class InboxConcurrencyContractTests(StorageBackend backend) : IAsyncLifetime
{
    private const int Replicas = 2;
    private const int WorkersPerReplica = 4;
    // Fewer keys than rows per key, so workers keep asking for keys that are held.
    private const int Keys = 20;
    private const int RowsPerKey = 10;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Concurrent_claimers_get_each_row_once_one_per_key_in_enqueue_order()
    {
        var inboxes = new List<IInbox>();
        for (var replica = 0; replica < Replicas; replica++)
        {
            inboxes.Add(backend.Inbox(await backend.OpenAsync()));
        }

        var expectedOrder = new Dictionary<string, List<long>>();
        for (var row = 0; row < RowsPerKey; row++)
        {
            for (var key = 0; key < Keys; key++)
            {
                // Priorities vary, yet never reorder a key's rows.
                var item = Item($"d{key}-{row}", $"k{key}", priority: (key + row) % 3);
                var id = (await inboxes[row % Replicas].EnqueueAsync(item, CancellationToken.None)).Id;
                (expectedOrder.TryGetValue(item.IncidentKey, out var ids) ? ids : expectedOrder[item.IncidentKey] = []).Add(id);
            }
        }

        var claimsPerId = new ConcurrentDictionary<long, int>();
        var claimedOrder = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var keysHeld = new ConcurrentDictionary<string, long>();
        var violations = new ConcurrentQueue<string>();
        var finished = 0;

        async Task WorkAsync(IInbox inbox)
        {
            while (Volatile.Read(ref finished) < Keys * RowsPerKey)
            {
                var entry = await inbox.ClaimNextAsync(T0, Lease, CancellationToken.None);
                if (entry is null)
                {
                    await Task.Delay(1);
                    continue;
                }

                var key = entry.Item.IncidentKey;
                claimsPerId.AddOrUpdate(entry.Id, 1, (_, count) => count + 1);
                claimedOrder.GetOrAdd(key, _ => new ConcurrentQueue<long>()).Enqueue(entry.Id);
                if (!keysHeld.TryAdd(key, entry.Id))
                {
                    violations.Enqueue($"{key}: row {entry.Id} claimed while row {keysHeld[key]} is held");
                }

                await Task.Delay(1);
                // Let go of the key before completing: the database may hand it out again right after the commit.
                keysHeld.TryRemove(key, out _);
                await inbox.CompleteAsync(entry, T0, CancellationToken.None);
                Interlocked.Increment(ref finished);
            }
        }

        await Task.WhenAll(inboxes.SelectMany(inbox => Enumerable.Range(0, WorkersPerReplica).Select(_ => Task.Run(() => WorkAsync(inbox)))));

        Assert.Empty(violations);
        Assert.Equal(Keys * RowsPerKey, claimsPerId.Count);
        Assert.All(claimsPerId.Values, count => Assert.Equal(1, count));
        foreach (var (key, ids) in expectedOrder)
        {
            Assert.Equal(ids, claimedOrder[key]);
        }

        Assert.Equal(new InboxStats(0, 0, null), await inboxes[0].GetStatsAsync(T0, CancellationToken.None));
    }
}
