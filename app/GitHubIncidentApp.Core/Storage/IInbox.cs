namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Durable queue of deliveries: a delivery is committed here before it is acknowledged, and
/// stays until it is processed, so nothing is lost when GitHub or the app is down.
/// </summary>
public interface IInbox
{
    /// <summary>
    /// Stores a delivery as pending; an Alertmanager repeat of the delivery waiting last for its incident is stored
    /// done instead, superseded by that one (see <see cref="InboxCoalescing"/>), and a redelivery stores nothing.
    /// </summary>
    Task<Enqueued> EnqueueAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the most urgent, then oldest, delivery that is due (<see cref="InboxEntry.NotBefore"/> passed) or
    /// whose previous claim's lease ran out, and whose incident key no other live claim holds nor older
    /// delivery waits on; null when there is none. The claim is a lease until <paramref name="now"/> +
    /// <paramref name="lease"/>: renew it while working, or another worker (another replica) may take the
    /// delivery over. Each claim adds one to <see cref="InboxEntry.Attempts"/>, the claim's fencing token.
    /// </summary>
    Task<InboxEntry?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ClaimNextAsync(DateTimeOffset, TimeSpan, CancellationToken)"/>, but never a delivery of the
    /// repositories in <paramref name="skipRepos"/>: those already hold their share of this replica's workers.
    /// </summary>
    Task<InboxEntry?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, IReadOnlyCollection<string> skipRepos, CancellationToken cancellationToken);

    /// <summary>Extends the claim's lease to <paramref name="until"/>; false when the claim was lost (taken over, released or ended).</summary>
    Task<bool> RenewClaimAsync(InboxEntry entry, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Marks the claimed delivery done.</summary>
    /// <exception cref="ClaimLostException">The claim is no longer the caller's.</exception>
    Task CompleteAsync(InboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Back to pending, due again at <paramref name="retryAt"/>, with the error recorded.</summary>
    /// <exception cref="ClaimLostException">The claim is no longer the caller's.</exception>
    Task RetryLaterAsync(InboxEntry entry, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Parked as failed: retrying cannot help, a person has to look.</summary>
    /// <exception cref="ClaimLostException">The claim is no longer the caller's.</exception>
    Task FailAsync(InboxEntry entry, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// At start-up of a single replica: claims left by a process that died go back to pending at once instead
    /// of when their lease runs out. Never with a shared database: the claims may be other replicas' live work.
    /// </summary>
    Task ReleaseStaleClaimsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes deliveries processed before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneDoneAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deliveries parked as failed, oldest first, for a person to look at.</summary>
    Task<IReadOnlyList<InboxEntry>> ListFailedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>A failed delivery back to pending, due at once; false when <paramref name="id"/> is not a failed delivery.</summary>
    Task<bool> RetryFailedAsync(long id, CancellationToken cancellationToken);

    Task<InboxStats> GetStatsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// A stored delivery's id (the first one's, for a redelivery), and whether it waits to be processed: false for a
/// repeat stored superseded and for a redelivery, which need no worker.
/// </summary>
public readonly record struct Enqueued(long Id, bool Waiting);

public sealed record InboxItem
{
    /// <summary><c>alertmanager</c> or <c>github</c>.</summary>
    public required string Source { get; init; }
    public required string DeliveryId { get; init; }
    public required string Repo { get; init; }
    public required string IncidentKey { get; init; }
    public required string Payload { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Higher is more urgent: among deliveries that may be claimed, the highest priority goes first, then the oldest.</summary>
    public int Priority { get; init; }
}

public sealed record InboxEntry
{
    public required long Id { get; init; }
    public required InboxItem Item { get; init; }
    /// <summary>How many times the delivery was claimed, this claim included; it identifies the claim (its fencing token).</summary>
    public required int Attempts { get; init; }
    public DateTimeOffset NotBefore { get; init; }
    public string? LastError { get; init; }
}

public sealed record InboxStats(int Pending, int Failed, DateTimeOffset? OldestPendingReceivedAt);
