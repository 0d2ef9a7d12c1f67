using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxCoalescingTests(PostgresServer server) : InboxCoalescingContractTests(new PostgresBackend(server));
