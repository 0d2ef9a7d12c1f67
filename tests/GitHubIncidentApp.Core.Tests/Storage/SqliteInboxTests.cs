namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxTests() : InboxContractTests(new SqliteBackend());
