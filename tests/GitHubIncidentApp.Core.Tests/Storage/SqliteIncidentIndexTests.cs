namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteIncidentIndexTests() : IncidentIndexContractTests(new SqliteBackend());
