namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Keeps content-creating requests (new issues and comments) of one installation under GitHub's
/// published limits, by waiting for a slot instead of running into a secondary rate limit, whose
/// penalty is longer than the wait. Each caller reserves its slot before it waits, so callers go in
/// the order they asked. Per process: with several replicas, give each a share of the limits.
/// </summary>
public sealed class ContentPacer(TimeProvider time, int perMinute = ContentPacer.GitHubPerMinute, int perHour = ContentPacer.GitHubPerHour)
{
    /// <summary>GitHub's limits for content-generating requests (REST API docs, "secondary rate limits").</summary>
    public const int GitHubPerMinute = 80;

    public const int GitHubPerHour = 500;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _slots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until <paramref name="installation"/> (the repository owner) may create content, and takes that slot.</summary>
    public async Task WaitForSlotAsync(string installation, CancellationToken cancellationToken)
    {
        var slot = Reserve(installation);
        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>When the next request of <paramref name="installation"/> may go out; taken at once.</summary>
    internal DateTimeOffset Reserve(string installation)
    {
        lock (_slots)
        {
            var now = time.GetUtcNow();
            if (!_slots.TryGetValue(installation, out var taken))
            {
                taken = new Queue<DateTimeOffset>();
                _slots[installation] = taken;
            }

            while (taken.Count > 0 && taken.Peek() <= now - Hour)
            {
                taken.Dequeue();
            }

            // Slots are in time order: the n-th newest slot decides when a window has room again.
            var slot = now;
            slot = Later(slot, NthNewest(taken, perMinute) + Minute);
            slot = Later(slot, NthNewest(taken, perHour) + Hour);
            taken.Enqueue(slot);
            return slot;
        }
    }

    private static DateTimeOffset NthNewest(Queue<DateTimeOffset> taken, int n) =>
        taken.Count >= n ? taken.ElementAt(taken.Count - n) : DateTimeOffset.MinValue + Hour;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
