using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Claims are leases with a fencing token, and urgent deliveries go first; two instances play two replicas.</summary>
public abstract class InboxLeaseContractTests(StorageBackend backend) : IAsyncLifetime
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMinutes(2);

    private IInbox first = null!;
    private IInbox second = null!;

    public async Task InitializeAsync()
    {
        first = backend.Inbox(await backend.OpenAsync());
        second = backend.Inbox(await backend.OpenAsync());
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task An_expired_claim_is_claimed_again_by_another_replica_before_later_rows_of_its_key()
    {
        var id = (await first.EnqueueAsync(Item("d1", "k1"), CancellationToken.None)).Id;
        var later = (await first.EnqueueAsync(Item("d2", "k1"), CancellationToken.None)).Id;
        var dead = await first.ClaimNextAsync(T0, ShortLease, CancellationToken.None);

        Assert.Null(await second.ClaimNextAsync(T0 + ShortLease - TimeSpan.FromSeconds(1), ShortLease, CancellationToken.None));
        var takeover = await second.ClaimNextAsync(T0 + ShortLease, ShortLease, CancellationToken.None);

        Assert.Equal((id, 1), (dead?.Id, dead?.Attempts));
        Assert.Equal((id, 2), (takeover?.Id, takeover?.Attempts));
        Assert.Null(await first.ClaimNextAsync(T0 + ShortLease, ShortLease, CancellationToken.None));
        await second.CompleteAsync(takeover!, T0 + ShortLease, CancellationToken.None);
        Assert.Equal(later, (await first.ClaimNextAsync(T0 + ShortLease, ShortLease, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task A_late_finisher_whose_claim_was_taken_over_cannot_end_or_renew_it()
    {
        await first.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var slow = await first.ClaimNextAsync(T0, ShortLease, CancellationToken.None);
        var takeover = await second.ClaimNextAsync(T0 + ShortLease, ShortLease, CancellationToken.None);

        var lost = await Assert.ThrowsAsync<ClaimLostException>(() => first.CompleteAsync(slow!, T0 + ShortLease, CancellationToken.None));
        await Assert.ThrowsAsync<ClaimLostException>(() => first.RetryLaterAsync(slow!, "GitHub answered 502", T0 + ShortLease, CancellationToken.None));
        await Assert.ThrowsAsync<ClaimLostException>(() => first.FailAsync(slow!, "bad payload", T0 + ShortLease, CancellationToken.None));
        Assert.False(await first.RenewClaimAsync(slow!, T0.AddHours(1), CancellationToken.None));

        Assert.Contains("another worker claimed it again (attempt 2)", lost.Message, StringComparison.Ordinal);
        Assert.Contains("outcome is dropped", lost.Message, StringComparison.Ordinal);
        Assert.True(await second.RenewClaimAsync(takeover!, T0.AddHours(1), CancellationToken.None));
        await second.CompleteAsync(takeover!, T0.AddHours(1), CancellationToken.None);
        Assert.Null(await first.ClaimNextAsync(T0.AddDays(1), ShortLease, CancellationToken.None));
    }

    [Fact]
    public async Task A_renewed_claim_holds_until_its_new_end()
    {
        await first.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var entry = await first.ClaimNextAsync(T0, ShortLease, CancellationToken.None);

        Assert.True(await first.RenewClaimAsync(entry!, T0.AddMinutes(5), CancellationToken.None));

        Assert.Null(await second.ClaimNextAsync(T0.AddMinutes(5).AddSeconds(-1), ShortLease, CancellationToken.None));
        Assert.Equal(2, (await second.ClaimNextAsync(T0.AddMinutes(5), ShortLease, CancellationToken.None))?.Attempts);
    }

    [Fact]
    public async Task An_expired_claim_not_yet_taken_over_can_still_be_completed_by_its_holder()
    {
        await first.EnqueueAsync(Item("d1", "k1"), CancellationToken.None);
        var entry = await first.ClaimNextAsync(T0, ShortLease, CancellationToken.None);

        await first.CompleteAsync(entry!, T0.AddHours(1), CancellationToken.None);

        Assert.Null(await second.ClaimNextAsync(T0.AddHours(1), ShortLease, CancellationToken.None));
    }

    [Fact]
    public async Task The_most_urgent_claimable_row_goes_first_but_never_ahead_of_an_older_row_of_its_key()
    {
        var low = (await first.EnqueueAsync(Item("low", "k1"), CancellationToken.None)).Id;
        var urgentBehindLow = (await first.EnqueueAsync(Item("urgent-k1", "k1", priority: 9), CancellationToken.None)).Id;
        var medium = (await first.EnqueueAsync(Item("medium", "k2", priority: 5), CancellationToken.None)).Id;
        var urgent = (await first.EnqueueAsync(Item("urgent", "k3", priority: 9), CancellationToken.None)).Id;

        var order = new List<long>();
        while (await first.ClaimNextAsync(T0, ShortLease, CancellationToken.None) is { } entry)
        {
            order.Add(entry.Id);
            await first.CompleteAsync(entry, T0, CancellationToken.None);
        }

        Assert.Equal([urgent, medium, low, urgentBehindLow], order);
    }
}
