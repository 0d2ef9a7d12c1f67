namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// <see cref="IContentBudget"/> in this process's memory, for the Action: a run has no database, so it paces
/// itself only (runs of a workflow at the same time each take the whole budget). Installations are matched
/// case-insensitively.
/// </summary>
public sealed class InProcessContentBudget(TimeProvider time, ContentLimits? limits = null) : IContentBudget
{
    private readonly ContentLimits limits = limits ?? ContentLimits.GitHub;

    // Each installation's slots of the last hour and the future, oldest first.
    private readonly Dictionary<string, List<ContentSlot>> slots = new(StringComparer.OrdinalIgnoreCase);
    private long lastId;

    public Task<ContentSlot> ReserveAsync(string installation, CancellationToken cancellationToken) =>
        Task.FromResult(Reserve(installation));

    public Task ReleaseAsync(ContentSlot slot)
    {
        lock (slots)
        {
            if (slots.TryGetValue(slot.Installation, out var taken))
            {
                taken.RemoveAll(other => other.Id == slot.Id);
            }
        }

        return Task.CompletedTask;
    }

    internal ContentSlot Reserve(string installation)
    {
        lock (slots)
        {
            var now = time.GetUtcNow();
            if (!slots.TryGetValue(installation, out var taken))
            {
                taken = [];
                slots[installation] = taken;
            }

            taken.RemoveAll(slot => slot.At <= now - ContentLimits.Hour);
            var at = limits.NextSlot(now, NthNewest(taken, limits.PerMinute), NthNewest(taken, limits.PerHour));
            var slot = new ContentSlot(installation, at, ++lastId);
            // Usually the newest; after a slot was given back, one may come before slots taken earlier.
            var index = taken.FindLastIndex(other => other.At <= at) + 1;
            taken.Insert(index, slot);
            return slot;
        }
    }

    private static DateTimeOffset? NthNewest(List<ContentSlot> taken, int n) =>
        taken.Count >= n ? taken[^n].At : null;
}
