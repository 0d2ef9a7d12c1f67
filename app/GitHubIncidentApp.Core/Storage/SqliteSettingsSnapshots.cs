namespace GitHubIncidentApp.Core.Storage;

/// <summary>Settings snapshots in a SQLite file.</summary>
public sealed class SqliteSettingsSnapshots(SqliteDatabase database) : SqlSettingsSnapshots(database);
