using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxLeaseTests(PostgresServer server) : InboxLeaseContractTests(new PostgresBackend(server));
