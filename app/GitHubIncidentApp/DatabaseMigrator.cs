using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>Creates or migrates the database before the worker and the endpoints start.</summary>
public sealed partial class DatabaseMigrator(IStorageDatabase database, AppSettings settings, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Settings refuse a dry run on PostgreSQL, so a dry run always has its own SQLite file.
        if (settings.DryRun && database is SqliteDatabase sqlite)
        {
            DeleteDatabaseFiles(sqlite.FilePath);
        }

        await database.MigrateAsync(cancellationToken);
        if (settings.DryRun)
        {
            LogDryRun(database.Location);
        }

        if (settings.AlertmanagerTokens.Any(token => token.OpenToAnyone))
        {
            LogNoToken();
        }
    }

    // Dry-run issues live only in memory, so an index that names them must not outlive the process.
    private static void DeleteDatabaseFiles(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            return;
        }

        // The database file and its -wal and -shm companions.
        foreach (var file in Directory.GetFiles(directory, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DRY-RUN (DRY_RUN=true, or --dev without APP_ID and PRIVATE_KEY or GITHUB_TOKEN): GitHub operations are only logged, never applied. Database: {DatabasePath}")]
    private partial void LogDryRun(string databasePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: ALERTMANAGER_TOKEN is not set, so /api/alertmanager accepts deliveries without credentials")]
    private partial void LogNoToken();
}
