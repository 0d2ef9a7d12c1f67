
namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The inbox in PostgreSQL, shared by several replicas: a claim skips rows another replica is claiming
/// at that moment (FOR UPDATE SKIP LOCKED), and leases hand a dead replica's claims to the others.
/// </summary>
public sealed class PostgresInbox(PostgresDatabase database, int maxPending = SqlInbox.DefaultMaxPending, IDeliveryMetrics? metrics = null)
    : SqlInbox(database, maxPending, metrics);
