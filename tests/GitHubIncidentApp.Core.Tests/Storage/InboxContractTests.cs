using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>What every inbox does, whatever database holds it.</summary>
public abstract class InboxContractTests(StorageBackend backend) : IAsyncLifetime
{
    private IInbox inbox = null!;

    protected StorageBackend Backend => backend;

    public async Task InitializeAsync() => inbox = backend.Inbox(await backend.OpenAsync());

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task An_enqueued_item_is_claimed_once_with_every_field_and_completed()
    {
        // Sub-millisecond (whole microseconds, PostgreSQL's precision) and a non-UTC offset: the instant must survive.
        var item = Item("d1", "k1", receivedAt: new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234560)) with { Priority = 3 };
        var id = (await inbox.EnqueueAsync(item, CancellationToken.None)).Id;

        var entry = await ClaimAsync(T0);

        Assert.NotNull(entry);
        Assert.Equal(id, entry.Id);
        Assert.Equal(item, entry.Item);
        Assert.Equal(item.ReceivedAt.UtcTicks, entry.Item.ReceivedAt.UtcTicks);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(default, entry.NotBefore);
        Assert.Null(entry.LastError);
        Assert.Null(await ClaimAsync(T0));

        await inbox.CompleteAsync(entry, T0, CancellationToken.None);

        Assert.Null(await ClaimAsync(T0.AddDays(100)));
        Assert.Equal(new InboxStats(0, 0, null), await inbox.GetStatsAsync(T0, CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivery_returns_the_existing_id_and_stores_nothing()
    {
        var id = (await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None)).Id;

        var again = (await inbox.EnqueueAsync(Item("d1", "k1") with { Payload = "changed" }, CancellationToken.None)).Id;
        var otherSource = (await inbox.EnqueueAsync(Item("d1", "k2", source: "github"), CancellationToken.None)).Id;

        Assert.Equal(id, again);
        Assert.NotEqual(id, otherSource);
        Assert.Equal(2, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        var first = await ClaimAsync(T0);
        Assert.Equal(Item("d1", "k1").Payload, first?.Item.Payload);
        Assert.Equal(otherSource, (await ClaimAsync(T0))?.Id);
        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task A_claim_skips_the_repositories_it_is_told_to_and_keeps_priority_and_order_among_the_rest()
    {
        var busy = (await inbox.EnqueueAsync(Item("a1", "a-k1") with { Repo = "octo/busy", Priority = 5 }, CancellationToken.None)).Id;
        var busyLater = (await inbox.EnqueueAsync(Item("a2", "a-k2") with { Repo = "octo/busy" }, CancellationToken.None)).Id;
        var other = (await inbox.EnqueueAsync(Item("b1", "b-k1") with { Repo = "octo/other" }, CancellationToken.None)).Id;
        var urgent = (await inbox.EnqueueAsync(Item("c1", "c-k1") with { Repo = "octo/third", Priority = 1 }, CancellationToken.None)).Id;

        Assert.Equal(urgent, (await inbox.ClaimNextAsync(T0, Lease, ["octo/busy"], CancellationToken.None))?.Id);
        Assert.Equal(other, (await inbox.ClaimNextAsync(T0, Lease, ["octo/busy", "octo/third"], CancellationToken.None))?.Id);
        Assert.Null(await inbox.ClaimNextAsync(T0, Lease, ["octo/busy"], CancellationToken.None));
        Assert.Equal(busy, (await ClaimAsync(T0))?.Id);
        Assert.Equal(busyLater, (await ClaimAsync(T0))?.Id);
    }

    [Fact]
    public async Task A_key_hands_out_its_rows_one_at_a_time_in_enqueue_order()
    {
        var ids = new List<long>();
        foreach (var delivery in new[] { "c", "a", "b" })
        {
            ids.Add((await inbox.EnqueueAsync(Item(delivery, "k1"), CancellationToken.None)).Id);
        }

        foreach (var expected in ids)
        {
            var entry = await ClaimAsync(T0);
            Assert.Equal(expected, entry?.Id);
            Assert.Null(await ClaimAsync(T0));
            await inbox.CompleteAsync(entry!, T0, CancellationToken.None);
        }

        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task Different_keys_are_claimed_in_parallel()
    {
        var k1First = (await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None)).Id;
        await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None);
        var k2 = (await inbox.EnqueueAsync(Item("d3", "k2"), CancellationToken.None)).Id;

        Assert.Equal(k1First, (await ClaimAsync(T0))?.Id);
        Assert.Equal(k2, (await ClaimAsync(T0))?.Id);
        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task A_retried_row_is_due_at_its_time_and_no_later_row_of_its_key_overtakes_it()
    {
        var first = (await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None)).Id;
        var second = (await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None)).Id;
        var otherKey = (await inbox.EnqueueAsync(Item("d3", "k2"), CancellationToken.None)).Id;
        var claimed = await ClaimAsync(T0);
        var retryAt = T0.AddMinutes(1);

        await inbox.RetryLaterAsync(claimed!, "GitHub answered 502", retryAt, CancellationToken.None);

        var other = await ClaimAsync(T0);
        Assert.Equal(otherKey, other?.Id);
        await inbox.CompleteAsync(other!, T0, CancellationToken.None);
        Assert.Null(await ClaimAsync(T0));
        Assert.Null(await ClaimAsync(retryAt.AddTicks(-10)));

        var retried = await ClaimAsync(retryAt);

        Assert.NotNull(retried);
        Assert.Equal(first, retried.Id);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(retryAt, retried.NotBefore);
        Assert.Equal("GitHub answered 502", retried.LastError);
        await inbox.CompleteAsync(retried, retryAt, CancellationToken.None);
        Assert.Equal(second, (await ClaimAsync(retryAt))?.Id);
    }

    [Fact]
    public async Task A_failed_row_is_parked_and_frees_its_key()
    {
        await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var second = (await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None)).Id;
        var first = await ClaimAsync(T0);

        await inbox.FailAsync(first!, "payload is not valid JSON", T0, CancellationToken.None);

        Assert.Equal(new InboxStats(1, 1, T0), await inbox.GetStatsAsync(T0, CancellationToken.None));
        var next = await ClaimAsync(T0);
        Assert.Equal(second, next?.Id);
        await inbox.CompleteAsync(next!, T0, CancellationToken.None);
        Assert.Null(await ClaimAsync(T0.AddDays(100)));
    }

    [Fact]
    public async Task A_failed_row_is_listed_and_can_be_retried_at_once()
    {
        var id = (await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None)).Id;
        await inbox.FailAsync((await ClaimAsync(T0))!, "bad payload", T0, CancellationToken.None);

        var failed = Assert.Single(await inbox.ListFailedAsync(10, CancellationToken.None));
        Assert.Equal((id, "bad payload"), (failed.Id, failed.LastError));
        Assert.True(await inbox.RetryFailedAsync(id, CancellationToken.None));
        Assert.False(await inbox.RetryFailedAsync(id, CancellationToken.None));

        var again = await ClaimAsync(T0);
        Assert.Equal((id, 2), (again?.Id, again?.Attempts));
        Assert.Empty(await inbox.ListFailedAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_holder_of_a_claim_can_complete_retry_or_fail_it_once()
    {
        await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var entry = await ClaimAsync(T0);
        await inbox.CompleteAsync(entry!, T0, CancellationToken.None);

        var late = await Assert.ThrowsAsync<ClaimLostException>(() => inbox.RetryLaterAsync(entry!, "late", T0, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<ClaimLostException>(() => inbox.FailAsync(entry! with { Id = entry.Id + 100 }, "unknown", T0, CancellationToken.None));

        Assert.Equal($"Inbox entry {entry!.Id} (attempt 1) cannot be retried: it is already completed", late.Message[..late.Message.IndexOf('.', StringComparison.Ordinal)]);
        Assert.Contains("no such entry", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((entry.Id, 1), (late.Id, late.Attempts));
    }

    [Fact]
    public async Task Claims_left_by_a_crashed_process_return_after_release()
    {
        var first = (await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None)).Id;
        var second = (await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None)).Id;
        var crashed = await ClaimAsync(T0);
        Assert.Equal(first, crashed?.Id);

        // The process dies holding the claim; a new one opens the same database.
        var restarted = backend.Inbox(await backend.OpenAsync());
        Assert.Null(await restarted.ClaimNextAsync(T0, Lease, CancellationToken.None));

        await restarted.ReleaseStaleClaimsAsync(CancellationToken.None);

        var reclaimed = await restarted.ClaimNextAsync(T0, Lease, CancellationToken.None);
        Assert.Equal(first, reclaimed?.Id);
        Assert.Equal(2, reclaimed?.Attempts);
        await Assert.ThrowsAsync<ClaimLostException>(() => inbox.CompleteAsync(crashed!, T0, CancellationToken.None));
        await restarted.CompleteAsync(reclaimed!, T0, CancellationToken.None);
        Assert.Equal(second, (await restarted.ClaimNextAsync(T0, Lease, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task Stats_count_unfinished_and_failed_rows_and_the_oldest_unfinished_arrival()
    {
        Assert.Equal(new InboxStats(0, 0, null), await inbox.GetStatsAsync(T0, CancellationToken.None));
        await inbox.EnqueueAsync(Item("d1", "k1", receivedAt: T0.AddSeconds(1)), CancellationToken.None);
        await inbox.EnqueueAsync(Item("d2", "k2", receivedAt: T0), CancellationToken.None);
        await inbox.EnqueueAsync(Item("d3", "k3", receivedAt: T0.AddSeconds(3)), CancellationToken.None);
        await inbox.EnqueueAsync(Item("d4", "k4", receivedAt: T0.AddSeconds(2)), CancellationToken.None);
        var claimed = await ClaimAsync(T0);
        var failed = await ClaimAsync(T0);
        await inbox.FailAsync(failed!, "bad payload", T0, CancellationToken.None);

        var stats = await inbox.GetStatsAsync(T0, CancellationToken.None);

        // The claimed row is unfinished work, so it counts as pending and is the oldest.
        Assert.Equal(new InboxStats(3, 1, T0.AddSeconds(1)), stats);
        await inbox.CompleteAsync(claimed!, T0, CancellationToken.None);
        Assert.Equal(new InboxStats(2, 1, T0.AddSeconds(2)), await inbox.GetStatsAsync(T0, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_inbox_refuses_new_deliveries_until_the_backlog_shrinks()
    {
        var small = backend.Inbox(await backend.OpenAsync(), maxPending: 2);
        await small.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        await small.EnqueueAsync(Item("d2", "k2"), CancellationToken.None);

        var full = await Assert.ThrowsAsync<InboxFullException>(() => small.EnqueueAsync(Item("d3", "k3"), CancellationToken.None));
        var claimed = await small.ClaimNextAsync(T0.AddDays(1), Lease, CancellationToken.None);
        await small.CompleteAsync(claimed!, T0, CancellationToken.None);
        await small.EnqueueAsync(Item("d3", "k3"), CancellationToken.None);

        Assert.Equal(2, full.Backlog);
        Assert.Contains("its limit", full.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await small.GetStatsAsync(T0, CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task Pruning_deletes_only_deliveries_done_before_the_cut()
    {
        foreach (var id in new[] { "old", "new", "waiting" })
        {
            await inbox.EnqueueAsync(Item(id, id), CancellationToken.None);
        }

        var old = await ClaimAsync(T0.AddDays(1));
        await inbox.CompleteAsync(old!, T0, CancellationToken.None);
        var recent = await ClaimAsync(T0.AddDays(1));
        await inbox.CompleteAsync(recent!, T0.AddDays(8), CancellationToken.None);

        var pruned = await inbox.PruneDoneAsync(T0.AddDays(7), CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal(1, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        Assert.Equal(recent!.Id, (await inbox.EnqueueAsync(Item("new", "new"), CancellationToken.None)).Id);
        Assert.NotEqual(old!.Id, (await inbox.EnqueueAsync(Item("old", "old"), CancellationToken.None)).Id);
    }

    private Task<InboxEntry?> ClaimAsync(DateTimeOffset now) => inbox.ClaimNextAsync(now, Lease, CancellationToken.None);
}
