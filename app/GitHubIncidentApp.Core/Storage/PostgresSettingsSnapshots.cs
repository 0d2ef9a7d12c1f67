namespace GitHubIncidentApp.Core.Storage;

/// <summary>Settings snapshots in PostgreSQL, shared by several replicas.</summary>
public sealed class PostgresSettingsSnapshots(PostgresDatabase database) : SqlSettingsSnapshots(database);
