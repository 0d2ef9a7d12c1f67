namespace GitHubIncidentApp.Core.Storage;

/// <summary>A write that changes nothing, for readiness: it takes the write lock and reaches the disk as a delivery's would.</summary>
public static class StorageProbe
{
    /// <summary>
    /// Rewrites the newest <c>schema_version</c> row with its own values and commits, so a full disk, a lost
    /// lock or a stalled device shows as a failure or as a write that does not end.
    /// </summary>
    public static Task WriteAsync(IStorageDatabase database, CancellationToken cancellationToken) =>
        database is ISqlDatabase sql
            ? sql.WriteAsync(
                connection => connection.ExecuteAsync(
                    "UPDATE schema_version SET applied_at = applied_at WHERE version = (SELECT MAX(version) FROM schema_version);", cancellationToken),
                cancellationToken)
            : throw new NotSupportedException($"{database.GetType().Name} takes no probe write.");
}
