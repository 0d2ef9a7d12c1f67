namespace GitHubIncidentApp.Core.Storage;

/// <summary>A write that changes nothing, for readiness: it takes the write lock and reaches the disk as a delivery's would.</summary>
public static class StorageProbe
{
    /// <summary>
    /// Moves the newest <c>schema_version</c> row away and back in one transaction and commits, so a full disk,
    /// a held lock or a stalled device shows as a failure or as a write that does not end. (Setting a column to its
    /// own value would not do: SQLite skips writing a row that did not change.)
    /// </summary>
    public static Task WriteAsync(IStorageDatabase database, CancellationToken cancellationToken) =>
        database is ISqlDatabase sql
            ? sql.WriteAsync(
                connection => connection.ExecuteAsync(
                    "UPDATE schema_version SET version = -version WHERE version = (SELECT MAX(version) FROM schema_version); "
                    + "UPDATE schema_version SET version = -version WHERE version < 0;",
                    cancellationToken),
                cancellationToken)
            : throw new NotSupportedException($"{database.GetType().Name} takes no probe write.");
}
