namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxGroupCommitTests() : InboxGroupCommitContractTests(new SqliteBackend());
