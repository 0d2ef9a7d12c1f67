using System.Collections.Concurrent;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxConcurrencyTests : IDisposable
{
    private const int Workers = 8;
    // Fewer keys than workers, so workers keep asking for keys that are held.
    private const int Keys = 5;
    private const int RowsPerKey = 24;

    private readonly TempDataDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Concurrent_claimers_get_each_row_once_one_per_key_in_enqueue_order()
    {
        var inbox = new SqliteInbox(await directory.OpenMigratedAsync());
        var expectedOrder = new Dictionary<string, List<long>>();
        for (var row = 0; row < RowsPerKey; row++)
        {
            for (var key = 0; key < Keys; key++)
            {
                var item = SqliteInboxTests.Item($"d{key}-{row}", $"k{key}");
                var id = await inbox.EnqueueAsync(item, CancellationToken.None);
                (expectedOrder.TryGetValue(item.IncidentKey, out var ids) ? ids : expectedOrder[item.IncidentKey] = []).Add(id);
            }
        }

        var claimsPerId = new ConcurrentDictionary<long, int>();
        var claimedOrder = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var keysHeld = new ConcurrentDictionary<string, long>();
        var violations = new ConcurrentQueue<string>();
        var finished = 0;

        async Task WorkAsync()
        {
            while (Volatile.Read(ref finished) < Keys * RowsPerKey)
            {
                var entry = await inbox.ClaimNextAsync(SqliteInboxTests.T0, CancellationToken.None);
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
                await inbox.CompleteAsync(entry.Id, SqliteInboxTests.T0, CancellationToken.None);
                Interlocked.Increment(ref finished);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));

        Assert.Empty(violations);
        Assert.Equal(Keys * RowsPerKey, claimsPerId.Count);
        Assert.All(claimsPerId.Values, count => Assert.Equal(1, count));
        foreach (var (key, ids) in expectedOrder)
        {
            Assert.Equal(ids, claimedOrder[key]);
        }

        Assert.Equal(new InboxStats(0, 0, null), await inbox.GetStatsAsync(SqliteInboxTests.T0, CancellationToken.None));
    }
}
