using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxGroupCommitTests(PostgresServer server) : InboxGroupCommitContractTests(new PostgresBackend(server));
