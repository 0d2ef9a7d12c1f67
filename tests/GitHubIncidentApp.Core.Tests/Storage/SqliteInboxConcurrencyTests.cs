namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxConcurrencyTests() : InboxConcurrencyContractTests(new SqliteBackend());
