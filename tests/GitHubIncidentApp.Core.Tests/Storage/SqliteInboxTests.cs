using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxTests : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDataDirectory directory = new();
    private SqliteInbox inbox = null!;

    public static InboxItem Item(string deliveryId, string key, string source = "alertmanager", DateTimeOffset? receivedAt = null) => new()
    {
        Source = source,
        DeliveryId = deliveryId,
        Repo = "octo/app",
        IncidentKey = key,
        Payload = $$"""{"delivery":"{{deliveryId}}"}""",
        ReceivedAt = receivedAt ?? T0,
    };

    public async Task InitializeAsync() => inbox = new SqliteInbox(await directory.OpenMigratedAsync());

    public Task DisposeAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_enqueued_item_is_claimed_once_with_every_field_and_completed()
    {
        // Sub-millisecond ticks and a non-UTC offset: the instant must survive exactly.
        var item = Item("d1", "k1", receivedAt: new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567));
        var id = await inbox.EnqueueAsync(item, CancellationToken.None);

        var entry = await ClaimAsync(T0);

        Assert.NotNull(entry);
        Assert.Equal(id, entry.Id);
        Assert.Equal(item, entry.Item);
        Assert.Equal(item.ReceivedAt.UtcTicks, entry.Item.ReceivedAt.UtcTicks);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(default, entry.NotBefore);
        Assert.Null(entry.LastError);
        Assert.Null(await ClaimAsync(T0));

        await inbox.CompleteAsync(id, T0, CancellationToken.None);

        Assert.Null(await ClaimAsync(T0.AddDays(1)));
        Assert.Equal(new InboxStats(0, 0, null), await inbox.GetStatsAsync(T0, CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivery_returns_the_existing_id_and_stores_nothing()
    {
        var id = await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);

        var again = await inbox.EnqueueAsync(Item("d1", "k1") with { Payload = "changed" }, CancellationToken.None);
        var otherSource = await inbox.EnqueueAsync(Item("d1", "k2", source: "github"), CancellationToken.None);

        Assert.Equal(id, again);
        Assert.NotEqual(id, otherSource);
        Assert.Equal(2, (await inbox.GetStatsAsync(T0, CancellationToken.None)).Pending);
        var first = await ClaimAsync(T0);
        Assert.Equal(Item("d1", "k1").Payload, first?.Item.Payload);
        Assert.Equal(otherSource, (await ClaimAsync(T0))?.Id);
        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task A_key_hands_out_its_rows_one_at_a_time_in_enqueue_order()
    {
        var ids = new List<long>();
        foreach (var delivery in new[] { "c", "a", "b" })
        {
            ids.Add(await inbox.EnqueueAsync(Item(delivery, "k1"), CancellationToken.None));
        }

        foreach (var expected in ids)
        {
            var entry = await ClaimAsync(T0);
            Assert.Equal(expected, entry?.Id);
            Assert.Null(await ClaimAsync(T0));
            await inbox.CompleteAsync(expected, T0, CancellationToken.None);
        }

        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task Different_keys_are_claimed_in_parallel()
    {
        var k1First = await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None);
        var k2 = await inbox.EnqueueAsync(Item("d3", "k2"), CancellationToken.None);

        Assert.Equal(k1First, (await ClaimAsync(T0))?.Id);
        Assert.Equal(k2, (await ClaimAsync(T0))?.Id);
        Assert.Null(await ClaimAsync(T0));
    }

    [Fact]
    public async Task A_retried_row_is_due_at_its_time_and_no_later_row_of_its_key_overtakes_it()
    {
        var first = await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var second = await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None);
        var otherKey = await inbox.EnqueueAsync(Item("d3", "k2"), CancellationToken.None);
        await ClaimAsync(T0);
        var retryAt = T0.AddMinutes(1);

        await inbox.RetryLaterAsync(first, "GitHub answered 502", retryAt, CancellationToken.None);

        Assert.Equal(otherKey, (await ClaimAsync(T0))?.Id);
        await inbox.CompleteAsync(otherKey, T0, CancellationToken.None);
        Assert.Null(await ClaimAsync(T0));
        Assert.Null(await ClaimAsync(retryAt.AddTicks(-1)));

        var retried = await ClaimAsync(retryAt);

        Assert.NotNull(retried);
        Assert.Equal(first, retried.Id);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(retryAt, retried.NotBefore);
        Assert.Equal("GitHub answered 502", retried.LastError);
        await inbox.CompleteAsync(first, retryAt, CancellationToken.None);
        Assert.Equal(second, (await ClaimAsync(retryAt))?.Id);
    }

    [Fact]
    public async Task A_failed_row_is_parked_and_frees_its_key()
    {
        var first = await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var second = await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None);
        await ClaimAsync(T0);

        await inbox.FailAsync(first, "payload is not valid JSON", T0, CancellationToken.None);

        Assert.Equal(new InboxStats(1, 1, T0), await inbox.GetStatsAsync(T0, CancellationToken.None));
        Assert.Equal(second, (await ClaimAsync(T0))?.Id);
        await inbox.CompleteAsync(second, T0, CancellationToken.None);
        Assert.Null(await ClaimAsync(T0.AddDays(1)));
    }

    [Fact]
    public async Task Only_a_claimed_row_can_be_completed_retried_or_failed()
    {
        var id = await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);

        var unclaimed = await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.CompleteAsync(id, T0, CancellationToken.None));
        Assert.Contains($"Inbox entry {id} cannot be completed", unclaimed.Message, StringComparison.Ordinal);

        await ClaimAsync(T0);
        await inbox.CompleteAsync(id, T0, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.RetryLaterAsync(id, "late", T0, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.FailAsync(id + 1, "unknown", T0, CancellationToken.None));
    }

    [Fact]
    public async Task Claims_left_by_a_crashed_process_return_after_release()
    {
        var first = await inbox.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var second = await inbox.EnqueueAsync(Item("d2", "k1"), CancellationToken.None);
        Assert.Equal(first, (await ClaimAsync(T0))?.Id);

        // The process dies holding the claim; a new one opens the same file.
        var restarted = new SqliteInbox(await directory.OpenMigratedAsync());
        Assert.Null(await restarted.ClaimNextAsync(T0, CancellationToken.None));

        await restarted.ReleaseStaleClaimsAsync(CancellationToken.None);

        var reclaimed = await restarted.ClaimNextAsync(T0, CancellationToken.None);
        Assert.Equal(first, reclaimed?.Id);
        Assert.Equal(2, reclaimed?.Attempts);
        await restarted.CompleteAsync(first, T0, CancellationToken.None);
        Assert.Equal(second, (await restarted.ClaimNextAsync(T0, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task Stats_count_unfinished_and_failed_rows_and_the_oldest_unfinished_arrival()
    {
        Assert.Equal(new InboxStats(0, 0, null), await inbox.GetStatsAsync(T0, CancellationToken.None));
        var claimed = await inbox.EnqueueAsync(Item("d1", "k1", receivedAt: T0.AddSeconds(1)), CancellationToken.None);
        var failed = await inbox.EnqueueAsync(Item("d2", "k2", receivedAt: T0), CancellationToken.None);
        await inbox.EnqueueAsync(Item("d3", "k3", receivedAt: T0.AddSeconds(3)), CancellationToken.None);
        await inbox.EnqueueAsync(Item("d4", "k4", receivedAt: T0.AddSeconds(2)), CancellationToken.None);
        await ClaimAsync(T0);
        await ClaimAsync(T0);
        await inbox.FailAsync(failed, "bad payload", T0, CancellationToken.None);

        var stats = await inbox.GetStatsAsync(T0, CancellationToken.None);

        // The claimed row is unfinished work, so it counts as pending and is the oldest.
        Assert.Equal(new InboxStats(3, 1, T0.AddSeconds(1)), stats);
        await inbox.CompleteAsync(claimed, T0, CancellationToken.None);
        Assert.Equal(new InboxStats(2, 1, T0.AddSeconds(2)), await inbox.GetStatsAsync(T0, CancellationToken.None));
    }

    private Task<InboxEntry?> ClaimAsync(DateTimeOffset now) => inbox.ClaimNextAsync(now, CancellationToken.None);
}
