namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteInboxCoalescingTests() : InboxCoalescingContractTests(new SqliteBackend());
