namespace GitHubIncidentApp.Core.Storage;

/// <summary>The incident index in a SQLite file.</summary>
public sealed class SqliteIncidentIndex(SqliteDatabase database) : SqlIncidentIndex(database);
