using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>The content budget in a SQLite file: a restarted app keeps counting the slots it took before.</summary>
public sealed class SqliteContentBudget(SqliteDatabase database, TimeProvider time, ContentLimits? limits = null)
    : SqlContentBudget(database, time, limits);
