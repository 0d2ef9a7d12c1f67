namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// A worker tried to end or renew a claim it no longer holds: its lease ran out and another worker
/// claimed the delivery again, or the delivery was released or finished meanwhile. The worker's
/// outcome is dropped; the delivery's current holder decides what becomes of it.
/// </summary>
public sealed class ClaimLostException(long id, int attempts, string action, string reason)
    : Exception($"Inbox entry {id} (attempt {attempts}) cannot be {action}: {reason}. This worker's outcome is dropped. " +
        "If this happens often, the work takes longer than the claim's lease and its renewals fail: check the database connection.")
{
    public long Id { get; } = id;

    /// <summary>The claim's fencing token: the attempt count when it was claimed.</summary>
    public int Attempts { get; } = attempts;
}
