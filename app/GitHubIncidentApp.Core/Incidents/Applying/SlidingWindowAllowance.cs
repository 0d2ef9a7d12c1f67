namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>At most <paramref name="limit"/> takes in any <paramref name="window"/>, on the app's clock.</summary>
internal sealed class SlidingWindowAllowance(TimeProvider time, int limit, TimeSpan window)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _taken = new();

    /// <summary>Takes one when the window has room; otherwise says how long until it has.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_taken.TryPeek(out var oldest) && oldest + window <= now)
            {
                _taken.Dequeue();
            }

            if (_taken.Count < limit)
            {
                _taken.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = _taken.Peek() + window - now;
            return false;
        }
    }
}
