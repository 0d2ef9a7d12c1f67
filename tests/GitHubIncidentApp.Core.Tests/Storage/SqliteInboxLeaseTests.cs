namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxLeaseTests() : InboxLeaseContractTests(new SqliteBackend());
