using System.Text.Json;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary><see cref="ISettingsSnapshots"/> in SQL, the same statements on SQLite and PostgreSQL: one row per repository.</summary>
public abstract class SqlSettingsSnapshots : ISettingsSnapshots
{
    private readonly ISqlDatabase database;

    private protected SqlSettingsSnapshots(ISqlDatabase database) => this.database = database;

    public Task<SettingsSnapshot?> FindAsync(RepoRef repo, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (await connection.ListAsync(
                "SELECT read_at, snapshot_json FROM settings_snapshots WHERE repo_id = @repo;",
                reader => JsonSerializer.Deserialize<SettingsSnapshot>(reader.GetString(1))! with { ReadAt = database.ReadTime(reader, 0) },
                cancellationToken,
                ("@repo", RepoIds.Of(repo)))).SingleOrDefault(),
            cancellationToken);

    public Task SaveAsync(RepoRef repo, SettingsSnapshot snapshot, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                """
                INSERT INTO settings_snapshots (repo_id, read_at, snapshot_json) VALUES (@repo, @readAt, @snapshot)
                ON CONFLICT (repo_id) DO UPDATE SET read_at = excluded.read_at, snapshot_json = excluded.snapshot_json;
                """,
                cancellationToken,
                ("@repo", RepoIds.Of(repo)),
                ("@readAt", database.ToDatabaseTime(snapshot.ReadAt)),
                ("@snapshot", JsonSerializer.Serialize(snapshot))),
            cancellationToken);

    public Task<IReadOnlyList<RepoRef>> ListAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (IReadOnlyList<RepoRef>)(await connection.ListAsync(
                "SELECT repo_id FROM settings_snapshots ORDER BY read_at DESC, repo_id LIMIT @limit;",
                reader => RepoRef.Parse(reader.GetString(0)).Repo,
                cancellationToken,
                ("@limit", limit))).OfType<RepoRef>().ToList(),
            cancellationToken);

    public Task ForgetAsync(RepoRef repo, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "DELETE FROM settings_snapshots WHERE repo_id = @repo;", cancellationToken, ("@repo", RepoIds.Of(repo))),
            cancellationToken);
}
