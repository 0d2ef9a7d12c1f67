using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>Creates or migrates the database before the worker and the endpoints start (see <see cref="InboxUpkeep.PrepareAsync"/>), and says how the app runs.</summary>
public sealed partial class DatabaseMigrator(InboxUpkeep upkeep, IStorageDatabase database, AppSettings settings, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await upkeep.PrepareAsync(cancellationToken);
        if (settings.DryRun)
        {
            LogDryRun(database.Location);
        }

        if (settings.AlertmanagerTokens.Any(token => token.OpenToAnyone))
        {
            LogNoToken();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DRY-RUN (DRY_RUN=true, or --dev without APP_ID and PRIVATE_KEY or GITHUB_TOKEN): GitHub operations are only logged, never applied. Database: {DatabasePath}")]
    private partial void LogDryRun(string databasePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: ALERTMANAGER_TOKEN is not set, so /api/alertmanager accepts deliveries without credentials")]
    private partial void LogNoToken();
}
