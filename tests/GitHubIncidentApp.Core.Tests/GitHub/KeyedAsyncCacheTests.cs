using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class KeyedAsyncCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Many_keys_do_not_grow_the_cache_past_its_limit()
    {
        using var cache = new KeyedAsyncCache<string, string>(_time, 10, _ => null);

        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal($"value {i}", await cache.GetAsync($"owner-{i}", key => Task.FromResult($"value {i}"), None));
            Assert.InRange(cache.Count, 1, 10);
        }
    }

    [Fact]
    public async Task Concurrent_callers_for_one_key_wait_for_one_fetch()
    {
        using var cache = new KeyedAsyncCache<string, int>(_time, 10, _ => null, StringComparer.OrdinalIgnoreCase);
        var fetches = 0;
        var release = new TaskCompletionSource<int>();

        var callers = Enumerable.Range(0, 8).Select(i => cache.GetAsync(i % 2 == 0 ? "acme" : "ACME", _ =>
        {
            Interlocked.Increment(ref fetches);
            return release.Task;
        }, None)).ToList();
        release.SetResult(42);

        Assert.Equal(Enumerable.Repeat(42, 8), await Task.WhenAll(callers));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task A_failed_fetch_is_not_kept()
    {
        using var cache = new KeyedAsyncCache<string, int>(_time, 10, _ => null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("acme", _ => throw new InvalidOperationException("GitHub is down"), None));

        Assert.Equal(0, cache.Count);
        Assert.Equal(7, await cache.GetAsync("acme", _ => Task.FromResult(7), None));
    }

    [Fact]
    public async Task A_value_is_fetched_again_at_its_expiry_on_the_clock_given()
    {
        using var cache = new KeyedAsyncCache<string, DateTimeOffset>(_time, 10, readAt => readAt + TimeSpan.FromMinutes(1));
        var fetches = 0;
        Task<DateTimeOffset> Fetch(string _)
        {
            fetches++;
            return Task.FromResult(_time.GetUtcNow());
        }

        await cache.GetAsync("acme", Fetch, None);
        _time.Advance(TimeSpan.FromSeconds(59));
        await cache.GetAsync("acme", Fetch, None);
        Assert.Equal(1, fetches);

        _time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync("acme", Fetch, None);
        Assert.Equal(2, fetches);
    }
}
