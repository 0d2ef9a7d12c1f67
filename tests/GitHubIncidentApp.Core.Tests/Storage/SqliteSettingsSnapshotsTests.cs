namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteSettingsSnapshotsTests() : SettingsSnapshotsContractTests(new SqliteBackend());
