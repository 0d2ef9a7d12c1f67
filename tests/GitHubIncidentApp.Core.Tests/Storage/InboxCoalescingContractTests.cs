using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Waiting Alertmanager deliveries of one key are coalesced into the newest, never past another delivery of the key.</summary>
public abstract class InboxCoalescingContractTests(StorageBackend backend) : IAsyncLifetime
{
    private IInbox inbox = null!;

    public async Task InitializeAsync() => inbox = backend.Inbox(await backend.OpenAsync());

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task The_newest_of_three_waiting_alert_deliveries_is_claimed_and_the_older_two_are_done_superseded()
    {
        await EnqueueAsync(Alert("a1", "k1"), Alert("a2", "k1"));
        var otherKey = await inbox.EnqueueAsync(Alert("b1", "k2"), CancellationToken.None);
        var timer = await inbox.EnqueueAsync(Item("t1", "k3", source: "timer"), CancellationToken.None);
        var newest = await inbox.EnqueueAsync(Alert("a3", "k1"), CancellationToken.None);

        var claimed = await ClaimAsync(T0);

        Assert.Equal((newest, 2, 1), (claimed?.Id, claimed?.Superseded, claimed?.Attempts));
        Assert.Equal("a3", claimed?.Item.DeliveryId);

        // The superseded rows are done (so pruned in time), neither deleted nor waiting.
        Assert.Equal(3, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        Assert.Equal(2, await inbox.PruneDoneAsync(T0.AddTicks(10), CancellationToken.None));
        Assert.Equal((otherKey, 0), await ClaimIdAsync(T0));
        Assert.Equal((timer, 0), await ClaimIdAsync(T0));
        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task An_alert_delivery_never_jumps_over_an_older_GitHub_event_of_its_key()
    {
        await EnqueueAsync(Alert("a1", "k1"), Alert("a2", "k1"));
        var comment = await inbox.EnqueueAsync(Item("g1", "k1"), CancellationToken.None);
        await EnqueueAsync(Alert("a3", "k1"));
        var newest = await inbox.EnqueueAsync(Alert("a4", "k1"), CancellationToken.None);

        var beforeComment = await ClaimAsync(T0);
        Assert.Equal(("a2", 1), (beforeComment?.Item.DeliveryId, beforeComment?.Superseded));
        Assert.Null(await ClaimAsync(T0));
        await inbox.CompleteAsync(beforeComment!, T0, CancellationToken.None);

        var event1 = await ClaimAsync(T0);
        Assert.Equal((comment, 0), (event1?.Id, event1?.Superseded));
        await inbox.CompleteAsync(event1!, T0, CancellationToken.None);

        Assert.Equal((newest, 1), await ClaimIdAsync(T0));
    }

    [Fact]
    public async Task A_claimed_delivery_is_never_superseded_even_when_its_lease_ran_out()
    {
        var inFlight = await inbox.EnqueueAsync(Alert("a1", "k1"), CancellationToken.None);
        var lease = TimeSpan.FromMinutes(2);
        var held = await inbox.ClaimNextAsync(T0, lease, CancellationToken.None);
        await EnqueueAsync(Alert("a2", "k1"));
        var newest = await inbox.EnqueueAsync(Alert("a3", "k1"), CancellationToken.None);

        Assert.Null(await ClaimAsync(T0));

        var takenOver = await inbox.ClaimNextAsync(T0 + lease, lease, CancellationToken.None);
        Assert.Equal((inFlight, 2, 0), (takenOver?.Id, takenOver?.Attempts, takenOver?.Superseded));
        await Assert.ThrowsAsync<ClaimLostException>(() => inbox.CompleteAsync(held!, T0, CancellationToken.None));
        await inbox.CompleteAsync(takenOver!, T0 + lease, CancellationToken.None);

        Assert.Equal((newest, 1), await ClaimIdAsync(T0 + lease));
    }

    [Fact]
    public async Task A_delivery_tried_before_is_processed_itself_and_the_run_behind_it_coalesced_after()
    {
        // Its earlier attempt may have opened the issue: only its own retry looks for that on GitHub.
        var tried = await inbox.EnqueueAsync(Alert("a1", "k1"), CancellationToken.None);
        await inbox.RetryLaterAsync((await ClaimAsync(T0))!, "GitHub answered 502", T0, CancellationToken.None);
        await EnqueueAsync(Alert("a2", "k1"));
        var newest = await inbox.EnqueueAsync(Alert("a3", "k1"), CancellationToken.None);

        var retried = await ClaimAsync(T0);
        Assert.Equal((tried, 0), (retried?.Id, retried?.Superseded));
        await inbox.CompleteAsync(retried!, T0, CancellationToken.None);

        Assert.Equal((newest, 1), await ClaimIdAsync(T0));
    }

    [Fact]
    public async Task A_changed_state_is_never_superseded_only_the_repeats_of_one_state()
    {
        await EnqueueAsync(Alert("a1", "k1"));
        var lastFiring = await inbox.EnqueueAsync(Alert("a2", "k1"), CancellationToken.None);
        await EnqueueAsync(Alert("a3", "k1", "resolved"));
        var lastResolved = await inbox.EnqueueAsync(Alert("a4", "k1", "resolved"), CancellationToken.None);

        Assert.Equal((lastFiring, 1), await ClaimIdAsync(T0));
        Assert.Equal((lastResolved, 1), await ClaimIdAsync(T0));
        Assert.Null(await ClaimAsync(T0));
    }

    private async Task EnqueueAsync(params InboxItem[] items)
    {
        foreach (var item in items)
        {
            await inbox.EnqueueAsync(item, CancellationToken.None);
        }
    }

    private Task<InboxEntry?> ClaimAsync(DateTimeOffset now) => inbox.ClaimNextAsync(now, Lease, CancellationToken.None);

    private async Task<(long?, int?)> ClaimIdAsync(DateTimeOffset now)
    {
        var entry = await ClaimAsync(now);
        if (entry is not null)
        {
            await inbox.CompleteAsync(entry, now, CancellationToken.None);
        }

        return (entry?.Id, entry?.Superseded);
    }
}
