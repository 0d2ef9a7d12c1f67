using System.Data.Common;
using System.Globalization;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Applies migration steps: step <c>i</c> takes a database from version <c>i</c> to <c>i + 1</c>, and each
/// applied step is recorded in <c>schema_version</c>. The caller holds the database's migration lock.
/// </summary>
internal static class SchemaSteps
{
    public static async Task ApplyAsync(
        DbConnection connection, IReadOnlyList<string> steps, string location, string useAnother, CancellationToken cancellationToken)
    {
        var current = await ReadVersionAsync(connection, cancellationToken);
        if (current > steps.Count)
        {
            throw new StorageException(
                $"The database '{location}' has schema version {current}, newer than this version of the app knows " +
                $"({steps.Count}). Run a newer version of the app, or {useAnother}.");
        }

        for (var version = current; version < steps.Count; version++)
        {
            await connection.ExecuteAsync(steps[version], cancellationToken);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version) VALUES (@version);", cancellationToken, ("@version", version + 1));
        }
    }

    public static async Task<int> ReadVersionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await connection.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken),
            CultureInfo.InvariantCulture);
}
