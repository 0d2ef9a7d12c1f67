namespace GitHubIncidentApp.Core.Storage;

/// <summary>The incident index in PostgreSQL, shared by several replicas.</summary>
public sealed class PostgresIncidentIndex(PostgresDatabase database) : SqlIncidentIndex(database);
