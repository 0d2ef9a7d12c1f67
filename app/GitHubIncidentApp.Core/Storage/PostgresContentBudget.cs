using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>The content budget in PostgreSQL: one budget per installation for every replica.</summary>
public sealed class PostgresContentBudget(PostgresDatabase database, TimeProvider time, ContentLimits? limits = null)
    : SqlContentBudget(database, time, limits);
