namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Decides when an enqueue must count the backlog against the inbox's limit, so that not every insert pays
/// for a <c>COUNT(*)</c> over the waiting rows. Only inserts grow the backlog, so after a count this process may
/// insert up to half the headroom left (at most <see cref="RecountEvery"/>) before it counts again: alone on the
/// database, the limit holds exactly; replicas sharing one each use part of the headroom before they recount.
/// </summary>
internal sealed class InboxBacklogBound(int maxPending)
{
    /// <summary>Far below the limit a count is still taken this often, so other replicas' inserts are seen.</summary>
    public const int RecountEvery = 1_000;

    private readonly Lock gate = new();
    private long insertsAllowed;

    /// <summary>True when the next insert must count the backlog first.</summary>
    public bool MustCount
    {
        get
        {
            lock (gate)
            {
                return insertsAllowed <= 0;
            }
        }
    }

    /// <summary>A count was taken: the inserts allowed until the next one.</summary>
    public void Counted(long backlog)
    {
        lock (gate)
        {
            insertsAllowed = Math.Min(RecountEvery, (maxPending - backlog) / 2);
        }
    }

    public void Inserted()
    {
        lock (gate)
        {
            insertsAllowed--;
        }
    }

    /// <summary>A delivery counted by <see cref="Inserted"/> turned out not to wait (superseded on arrival, or stored before).</summary>
    public void NotWaiting()
    {
        lock (gate)
        {
            insertsAllowed++;
        }
    }
}
