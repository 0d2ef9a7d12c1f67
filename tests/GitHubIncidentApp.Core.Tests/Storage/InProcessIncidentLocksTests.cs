using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class InProcessIncidentLocksTests
{
    private readonly InProcessIncidentLocks _locks = new();

    [Fact]
    public async Task One_holder_per_key_and_other_keys_go_on()
    {
        var first = await _locks.AcquireAsync("a", CancellationToken.None);
        var second = _locks.AcquireAsync("a", CancellationToken.None);
        await using var other = await _locks.AcquireAsync("b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
    }

    [Fact]
    public async Task Keys_are_forgotten_when_their_last_user_leaves_even_a_cancelled_one()
    {
        var held = await _locks.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _locks.AcquireAsync("a", cancel.Token);
        Assert.Equal(1, _locks.Count);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();
        await held.DisposeAsync();

        Assert.Equal(0, _locks.Count);
        await (await _locks.AcquireAsync("a", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
    }

    [Fact]
    public async Task Many_workers_on_one_key_never_overlap()
    {
        var inside = 0;
        var overlaps = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await using var held = await _locks.AcquireAsync("incident", CancellationToken.None);
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        })));

        Assert.Equal(0, overlaps);
        Assert.Equal(0, _locks.Count);
    }
}
