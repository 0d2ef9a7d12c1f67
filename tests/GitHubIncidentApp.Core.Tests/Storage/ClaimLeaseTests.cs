using System.Collections.Concurrent;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class ClaimLeaseTests
{
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly TimerCountingTime time = new(T0);
    private readonly IInbox inbox = Substitute.For<IInbox>();
    private readonly InboxEntry entry = new() { Id = 7, Item = Item("d1", "k1"), Attempts = 2 };
    private readonly BlockingCollection<DateTimeOffset> renewals = [];

    public ClaimLeaseTests() =>
        inbox.RenewClaimAsync(entry, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                renewals.Add(call.ArgAt<DateTimeOffset>(1));
                return true;
            });

    [Fact]
    public async Task The_lease_is_renewed_every_third_of_its_length_while_the_work_runs_and_no_longer()
    {
        var work = new TaskCompletionSource();
        var holding = Hold(_ => work.Task);

        for (var renewal = 1; renewal <= 3; renewal++)
        {
            await WaitForTimersAsync(renewal);
            time.Advance(LeaseLength / 3);
            Assert.True(renewals.TryTake(out var until, Wait));
            Assert.Equal(time.GetUtcNow() + LeaseLength, until);
        }

        work.SetResult();
        await holding.WaitAsync(Wait);
        time.Advance(LeaseLength);
        Assert.Empty(renewals);
        await inbox.Received(3).RenewClaimAsync(entry, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_lost_claim_cancels_the_work_and_is_reported()
    {
        inbox.RenewClaimAsync(entry, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(false);
        var holding = Hold(token => Task.Delay(Timeout.Infinite, token));

        time.Advance(LeaseLength / 3);
        var lost = await Assert.ThrowsAsync<ClaimLostException>(() => holding.WaitAsync(Wait));

        Assert.Equal((7L, 2), (lost.Id, lost.Attempts));
        Assert.StartsWith("Inbox entry 7 (attempt 2) cannot be kept: renewing its lease failed", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_renewal_is_tried_again_at_the_next_third()
    {
        inbox.RenewClaimAsync(entry, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw new StorageException("connection refused"), call =>
            {
                renewals.Add(call.ArgAt<DateTimeOffset>(1));
                return Task.FromResult(true);
            });
        var work = new TaskCompletionSource();
        var holding = Hold(_ => work.Task);

        time.Advance(LeaseLength / 3);
        await WaitForCallsAsync(1);
        await WaitForTimersAsync(2);
        time.Advance(LeaseLength / 3);

        Assert.True(renewals.TryTake(out var until, Wait));
        Assert.Equal(time.GetUtcNow() + LeaseLength, until);
        work.SetResult();
        await holding.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_failure_of_the_work_passes_through_and_stops_the_renewals()
    {
        var holding = Hold(_ => Task.FromException(new InvalidOperationException("GitHub answered 502")));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => holding.WaitAsync(Wait));
        time.Advance(LeaseLength);

        Assert.Equal("GitHub answered 502", failure.Message);
        Assert.Empty(renewals);
    }

    private Task Hold(Func<CancellationToken, Task> work) =>
        ClaimLease.HoldWhileAsync(inbox, entry, LeaseLength, time, NullLogger.Instance, work, CancellationToken.None);

    private async Task WaitForCallsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (inbox.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(IInbox.RenewClaimAsync)) < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>Waits until the renewals have set their <paramref name="count"/>th timer: moving the clock earlier would skip it.</summary>
    private async Task WaitForTimersAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (time.TimersCreated < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private sealed class TimerCountingTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int created;

        public int TimersCreated => Volatile.Read(ref created);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref created);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
