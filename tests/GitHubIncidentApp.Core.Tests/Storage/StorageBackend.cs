using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Where a storage contract test keeps its data: a SQLite file or a PostgreSQL database, fresh per test.</summary>
public abstract class StorageBackend : IAsyncDisposable
{
    /// <summary>The test's database, migrated. Each call opens it anew, as another process or replica would.</summary>
    public abstract Task<IStorageDatabase> OpenAsync();

    public abstract IInbox Inbox(IStorageDatabase database, int maxPending = SqlInbox.DefaultMaxPending);

    public abstract IIncidentIndex Index(IStorageDatabase database);

    public abstract ISettingsSnapshots SettingsSnapshots(IStorageDatabase database);

    public abstract IContentBudget ContentBudget(IStorageDatabase database, TimeProvider time, ContentLimits limits);

    public abstract ValueTask DisposeAsync();
}
