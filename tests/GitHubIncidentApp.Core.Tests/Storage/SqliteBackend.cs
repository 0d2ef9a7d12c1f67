using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>A SQLite file in a fresh temp directory; a second open plays a restarted process.</summary>
public sealed class SqliteBackend : StorageBackend
{
    private readonly TempDataDirectory directory = new();

    public override async Task<IStorageDatabase> OpenAsync() => await directory.OpenMigratedAsync();

    public override IInbox Inbox(IStorageDatabase database, int maxPending = SqlInbox.DefaultMaxPending) =>
        new SqliteInbox((SqliteDatabase)database, maxPending);

    public override IIncidentIndex Index(IStorageDatabase database) => new SqliteIncidentIndex((SqliteDatabase)database);

    public override ISettingsSnapshots SettingsSnapshots(IStorageDatabase database) => new SqliteSettingsSnapshots((SqliteDatabase)database);

    public override IContentBudget ContentBudget(IStorageDatabase database, TimeProvider time, ContentLimits limits) =>
        new SqliteContentBudget((SqliteDatabase)database, time, limits);

    public override ValueTask DisposeAsync()
    {
        directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
