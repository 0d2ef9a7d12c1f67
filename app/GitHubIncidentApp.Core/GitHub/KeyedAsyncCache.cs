using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Values fetched asynchronously per key, kept in a <see cref="MemoryCache"/> of at most <c>sizeLimit</c> entries until
/// the absolute time <c>expiresAt</c> gives for each (null: until removed, or pushed out by the limit). Concurrent
/// callers for one key wait for a single fetch; different keys fetch in parallel; failures are not cached.
/// </summary>
/// <remarks>
/// The single flight is written here: IMemoryCache has none, and HybridCache, which has, takes an entry's expiry
/// before the fetch (a token's comes with the token) and hands out copies made through a serializer unless a type is
/// sealed and marked immutable, which Octokit's are not. When the cache is full, a new value is returned but not kept
/// until the cache has made room, dropping the entries least recently used.
/// </remarks>
internal sealed class KeyedAsyncCache<TKey, TValue> : IDisposable
    where TKey : notnull
{
    private readonly Func<TValue, DateTimeOffset?> _expiresAt;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly MemoryCache _values;

    // One gate per key being fetched or waited for, dropped when the last caller leaves: they are as many as the callers.
    private readonly Dictionary<TKey, Gate> _gates;

    public KeyedAsyncCache(TimeProvider time, int sizeLimit, Func<TValue, DateTimeOffset?> expiresAt, IEqualityComparer<TKey>? comparer = null)
    {
        _expiresAt = expiresAt;
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _gates = new(_comparer);
        _values = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit, Clock = new TimeProviderClock(time) });
    }

    /// <summary>Entries kept now: never more than the size limit.</summary>
    public int Count => _values.Count;

    public async Task<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> fetch, CancellationToken cancellationToken)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        var gate = Enter(key);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (TryGet(key, out value))
                {
                    return value;
                }

                value = await fetch(key).ConfigureAwait(false);
                Set(key, value);
                return value;
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Leave(key, gate);
        }
    }

    /// <summary>Stores a value learnt elsewhere; a fetch already under way may still overwrite it.</summary>
    public void Set(TKey key, TValue value) =>
        _values.Set(new Key(key, _comparer), value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = _expiresAt(value) });

    public bool TryRemove(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (!TryGet(key, out value))
        {
            return false;
        }

        _values.Remove(new Key(key, _comparer));
        return true;
    }

    public void Dispose() => _values.Dispose();

    private bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(new Key(key, _comparer), out value);

    private Gate Enter(TKey key)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out var gate))
            {
                _gates[key] = gate = new Gate();
            }

            gate.Users++;
            return gate;
        }
    }

    private void Leave(TKey key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Callers holding it or waiting for it; changed under the lock of the gates.</summary>
        public int Users { get; set; }
    }

    /// <summary>The cache compares keys with <see cref="object.Equals(object)"/>; this one compares with the comparer given.</summary>
    private readonly struct Key(TKey value, IEqualityComparer<TKey> comparer) : IEquatable<Key>
    {
        public bool Equals(Key other) => comparer.Equals(value, other.Value);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => comparer.GetHashCode(value);

        private TKey Value => value;
    }

    /// <summary>Expiries are read on the clock the rest of the app runs on (a fake one in the tests).</summary>
    private sealed class TimeProviderClock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
