using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Tests;

/// <summary>The test classes that share one PostgreSQL server (each test makes its own database on it).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
