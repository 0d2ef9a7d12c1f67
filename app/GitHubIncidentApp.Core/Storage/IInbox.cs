namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Durable queue of deliveries: a delivery is committed here before it is acknowledged, and
/// stays until it is processed, so nothing is lost when GitHub or the app is down.
/// </summary>
public interface IInbox
{
    /// <summary>Stores a delivery as pending and returns its id.</summary>
    Task<long> EnqueueAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// The oldest pending delivery that is due (<see cref="InboxEntry.NotBefore"/> passed) and whose
    /// incident key no other claim holds; null when there is none. The claim lasts until completed or failed.
    /// </summary>
    Task<InboxEntry?> ClaimNextAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Back to pending, due again at <paramref name="retryAt"/>, with the error recorded.</summary>
    Task RetryLaterAsync(long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Parked as failed: retrying cannot help, a person has to look.</summary>
    Task FailAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>At start-up of a single replica: claims left by a process that died go back to pending.</summary>
    Task ReleaseStaleClaimsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes deliveries processed before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneDoneAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deliveries parked as failed, oldest first, for a person to look at.</summary>
    Task<IReadOnlyList<InboxEntry>> ListFailedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>A failed delivery back to pending, due at once; false when <paramref name="id"/> is not a failed delivery.</summary>
    Task<bool> RetryFailedAsync(long id, CancellationToken cancellationToken);

    Task<InboxStats> GetStatsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record InboxItem
{
    /// <summary><c>alertmanager</c> or <c>github</c>.</summary>
    public required string Source { get; init; }
    public required string DeliveryId { get; init; }
    public required string Repo { get; init; }
    public required string IncidentKey { get; init; }
    public required string Payload { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Higher goes first among deliveries that are due; within one incident key, order still rules.</summary>
    public int Priority { get; init; }
}

public sealed record InboxEntry
{
    public required long Id { get; init; }
    public required InboxItem Item { get; init; }
    public required int Attempts { get; init; }
    public DateTimeOffset NotBefore { get; init; }
    public string? LastError { get; init; }
}

public sealed record InboxStats(int Pending, int Failed, DateTimeOffset? OldestPendingReceivedAt);
