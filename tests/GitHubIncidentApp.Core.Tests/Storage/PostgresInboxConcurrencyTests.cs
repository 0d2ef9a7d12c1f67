using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxConcurrencyTests(PostgresServer server) : InboxConcurrencyContractTests(new PostgresBackend(server));
