using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Values fetched asynchronously per key, kept while <c>isFresh</c> says so. Concurrent callers
/// for one key wait for a single fetch; different keys fetch in parallel. Failures are not cached.
/// </summary>
internal sealed class KeyedAsyncCache<TKey, TValue>(Func<TValue, bool> isFresh, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);
    private readonly ConcurrentDictionary<TKey, SemaphoreSlim> _gates = new(comparer);

    public async Task<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> fetch, CancellationToken cancellationToken)
    {
        if (_values.TryGetValue(key, out var value) && isFresh(value))
        {
            return value;
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_values.TryGetValue(key, out value) && isFresh(value))
            {
                return value;
            }

            value = await fetch(key).ConfigureAwait(false);
            _values[key] = value;
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores a value learnt elsewhere; a fetch already under way may still overwrite it.</summary>
    public void Set(TKey key, TValue value) => _values[key] = value;

    public bool TryRemove(TKey key, [MaybeNullWhen(false)] out TValue value) => _values.TryRemove(key, out value);
}
