using System.Data.Common;
using System.Text.Json;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The incident index in SQL, the same statements on SQLite and PostgreSQL. Repositories are matched
/// case-insensitively through a lower-cased <c>owner/name</c> column; the stored owner and name keep the
/// spelling of the last upsert.
/// </summary>
public abstract class SqlIncidentIndex : IIncidentIndex
{
    private const string Columns = "owner, name, incident_key, issue_number, state_json, labels_json, updated_at, due_at";

    private readonly ISqlDatabase database;

    private protected SqlIncidentIndex(ISqlDatabase database) => this.database = database;

    public bool KeepsState => true;

    public Task<IndexedIncident?> FindAsync(RepoRef repo, string key, CancellationToken cancellationToken) =>
        FindWhereAsync("incident_key = @match", repo, key, cancellationToken);

    public Task<IndexedIncident?> FindByIssueAsync(RepoRef repo, int issueNumber, CancellationToken cancellationToken) =>
        FindWhereAsync("issue_number = @match", repo, issueNumber, cancellationToken);

    public Task<IReadOnlyList<IndexedIncident>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection => connection.ListAsync(
                $"""
                SELECT {Columns} FROM incidents
                WHERE due_at IS NOT NULL AND due_at <= @now ORDER BY due_at LIMIT @limit;
                """,
                Read,
                cancellationToken,
                ("@now", database.ToDatabaseTime(now)),
                ("@limit", limit)),
            cancellationToken);

    public Task UpsertAsync(IndexedIncident incident, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                """
                INSERT INTO incidents (repo_id, owner, name, incident_key, issue_number, state_json, labels_json, updated_at, due_at)
                VALUES (@repo, @owner, @name, @key, @issue, @state, @labels, @updated, @due)
                ON CONFLICT (repo_id, incident_key) DO UPDATE SET
                    owner = excluded.owner,
                    name = excluded.name,
                    issue_number = excluded.issue_number,
                    state_json = excluded.state_json,
                    labels_json = excluded.labels_json,
                    updated_at = excluded.updated_at,
                    due_at = excluded.due_at;
                """,
                cancellationToken,
                ("@repo", RepoIds.Of(incident.Repo)),
                ("@owner", incident.Repo.Owner),
                ("@name", incident.Repo.Name),
                ("@key", incident.Key),
                ("@issue", incident.IssueNumber),
                ("@state", incident.StateJson),
                ("@labels", JsonSerializer.Serialize(incident.Labels)),
                ("@updated", database.ToDatabaseTime(incident.UpdatedAt)),
                ("@due", incident.DueAt is { } due ? database.ToDatabaseTime(due) : null)),
            cancellationToken);

    public Task<bool> IsRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => await connection.ScalarAsync(
                "SELECT 1 FROM indexed_repos WHERE repo_id = @repo;", cancellationToken, ("@repo", RepoIds.Of(repo))) is not null,
            cancellationToken);

    public Task MarkRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO indexed_repos (repo_id) VALUES (@repo) ON CONFLICT (repo_id) DO NOTHING;",
                cancellationToken,
                ("@repo", RepoIds.Of(repo))),
            cancellationToken);

    /// <summary>The latest upserted incident that matches, should an issue ever carry two keys.</summary>
    private Task<IndexedIncident?> FindWhereAsync(string condition, RepoRef repo, object match, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (await connection.ListAsync(
                $"SELECT {Columns} FROM incidents WHERE repo_id = @repo AND {condition} ORDER BY updated_at DESC LIMIT 1;",
                Read,
                cancellationToken,
                ("@repo", RepoIds.Of(repo)),
                ("@match", match))).FirstOrDefault(),
            cancellationToken);

    private IndexedIncident Read(DbDataReader reader) => new()
    {
        Repo = new RepoRef(reader.GetString(0), reader.GetString(1)),
        Key = reader.GetString(2),
        IssueNumber = reader.GetInt32(3),
        StateJson = reader.GetString(4),
        Labels = JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
        UpdatedAt = database.ReadTime(reader, 6),
        DueAt = reader.IsDBNull(7) ? null : database.ReadTime(reader, 7),
    };
}
