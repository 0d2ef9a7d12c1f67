using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresContentBudgetTests(PostgresServer server) : ContentBudgetContractTests(new PostgresBackend(server));
