using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSettingsSnapshotsTests(PostgresServer server) : SettingsSnapshotsContractTests(new PostgresBackend(server));
