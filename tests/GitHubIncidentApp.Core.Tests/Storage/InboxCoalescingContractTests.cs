using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>An Alertmanager repeat of the delivery waiting last for its key is stored done on arrival, never past another delivery of the key.</summary>
public abstract class InboxCoalescingContractTests(StorageBackend backend) : IAsyncLifetime
{
    private IInbox inbox = null!;

    public async Task InitializeAsync() => inbox = backend.Inbox(await backend.OpenAsync());

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Repeats_of_the_waiting_delivery_are_stored_done_and_only_the_first_is_claimed()
    {
        var stored = await inbox.EnqueueAsync(Alert("a1", "k1"), CancellationToken.None);
        var repeated = new[] { await inbox.EnqueueAsync(Alert("a2", "k1"), CancellationToken.None), await inbox.EnqueueAsync(Alert("a3", "k1"), CancellationToken.None) };
        var otherKey = (await inbox.EnqueueAsync(Alert("b1", "k2"), CancellationToken.None)).Id;
        var (first, repeats) = (stored.Id, repeated.Select(r => r.Id).ToArray());

        // Only what waits needs a worker woken.
        Assert.True(stored.Waiting);
        Assert.All(repeated, r => Assert.False(r.Waiting));
        Assert.Equal(2, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        Assert.DoesNotContain(first, repeats);
        Assert.Equal(first, await ClaimIdAsync(T0));
        Assert.Equal(otherKey, await ClaimIdAsync(T0));
        Assert.Null(await ClaimAsync(T0));

        // Stored and done, so pruned in time like any processed delivery; a redelivery of one still finds it.
        Assert.Equal(repeats[0], (await inbox.EnqueueAsync(Alert("a2", "k1"), CancellationToken.None)).Id);
        Assert.Equal(4, await inbox.PruneDoneAsync(T0.AddTicks(10), CancellationToken.None));
    }

    [Fact]
    public async Task A_repeat_of_a_delivery_being_processed_or_waiting_for_its_retry_is_superseded_by_it()
    {
        var inFlight = (await inbox.EnqueueAsync(Alert("a1", "k1"), CancellationToken.None)).Id;
        var held = await ClaimAsync(T0);
        await inbox.EnqueueAsync(Alert("a2", "k1"), CancellationToken.None);
        await inbox.RetryLaterAsync(held!, "GitHub answered 502", T0, CancellationToken.None);
        await inbox.EnqueueAsync(Alert("a3", "k1"), CancellationToken.None);

        Assert.Equal(1, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        Assert.Equal(inFlight, await ClaimIdAsync(T0));
        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task A_repeat_never_jumps_over_a_GitHub_event_or_timer_of_its_key_nor_over_a_changed_state()
    {
        var firing = (await inbox.EnqueueAsync(Alert("a1", "k1"), CancellationToken.None)).Id;
        var comment = (await inbox.EnqueueAsync(Item("g1", "k1"), CancellationToken.None)).Id;
        var afterComment = (await inbox.EnqueueAsync(Alert("a2", "k1"), CancellationToken.None)).Id;
        var resolved = (await inbox.EnqueueAsync(Alert("a3", "k1", "resolved"), CancellationToken.None)).Id;
        var firingAgain = (await inbox.EnqueueAsync(Alert("a4", "k1"), CancellationToken.None)).Id;
        await inbox.EnqueueAsync(Alert("a5", "k1"), CancellationToken.None);

        Assert.Equal([firing, comment, afterComment, resolved, firingAgain], await ClaimAllAsync());
    }

    [Fact]
    public async Task GitHub_events_and_timers_are_never_superseded_even_when_identical()
    {
        var ids = new[]
        {
            (await inbox.EnqueueAsync(Item("g1", "k1"), CancellationToken.None)).Id,
            (await inbox.EnqueueAsync(Item("g2", "k1") with { Payload = Item("g1", "k1").Payload }, CancellationToken.None)).Id,
            (await inbox.EnqueueAsync(Item("t1", "k1", source: "timer"), CancellationToken.None)).Id,
            (await inbox.EnqueueAsync(Item("t2", "k1", source: "timer") with { Payload = Item("t1", "k1").Payload }, CancellationToken.None)).Id,
        };

        Assert.Equal(ids, await ClaimAllAsync());
    }

    private Task<InboxEntry?> ClaimAsync(DateTimeOffset now) => inbox.ClaimNextAsync(now, Lease, CancellationToken.None);

    private async Task<long?> ClaimIdAsync(DateTimeOffset now)
    {
        var entry = await ClaimAsync(now);
        if (entry is not null)
        {
            await inbox.CompleteAsync(entry, now, CancellationToken.None);
        }

        return entry?.Id;
    }

    private async Task<List<long>> ClaimAllAsync()
    {
        var claimed = new List<long>();
        while (await ClaimIdAsync(T0) is { } id)
        {
            claimed.Add(id);
        }

        return claimed;
    }
}
