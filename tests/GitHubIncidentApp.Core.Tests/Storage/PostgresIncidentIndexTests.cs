using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentIndexTests(PostgresServer server) : IncidentIndexContractTests(new PostgresBackend(server));
