using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxTests(PostgresServer server) : InboxContractTests(new PostgresBackend(server));
