
namespace GitHubIncidentApp.Core.Storage;

/// <summary>The inbox in a SQLite file, for a single replica; writers are serialized by the file's write lock.</summary>
public sealed class SqliteInbox(SqliteDatabase database, int maxPending = SqlInbox.DefaultMaxPending, IDeliveryMetrics? metrics = null)
    : SqlInbox(database, maxPending, metrics);
