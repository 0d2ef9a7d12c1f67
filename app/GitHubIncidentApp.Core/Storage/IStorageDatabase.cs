namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The database holding the inbox and the incident index: a SQLite file for one replica,
/// PostgreSQL for several. The host migrates it once at start-up, before anything else uses it.
/// </summary>
public interface IStorageDatabase
{
    /// <summary>Where the data lives, for logs and messages: a file path, or a URL without its password.</summary>
    string Location { get; }

    /// <summary>
    /// Whether other replicas may use the database at the same time. Then a claim found at start-up may be
    /// another replica's live work, so only its lease running out may release it.
    /// </summary>
    bool IsShared { get; }

    /// <summary>Applies the migration steps the database lacks; safe to call again, and from two processes at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The version recorded in the database; 0 for one never migrated.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);
}
