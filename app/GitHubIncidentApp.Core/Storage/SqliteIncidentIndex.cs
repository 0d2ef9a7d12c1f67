using System.Text.Json;
using GitHubIncidentApp.Core.GitHub;
using Microsoft.Data.Sqlite;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The incident index on SQLite. Repositories are matched case-insensitively through a lower-cased
/// <c>owner/name</c> column; the stored owner and name keep the spelling of the last upsert.
/// </summary>
public sealed class SqliteIncidentIndex(SqliteDatabase database) : IIncidentIndex
{
    public Task<IndexedIncident?> FindAsync(RepoRef repo, string key, CancellationToken cancellationToken) =>
        FindWhereAsync("incident_key = $match", repo, key, cancellationToken);

    public Task<IndexedIncident?> FindByIssueAsync(RepoRef repo, int issueNumber, CancellationToken cancellationToken) =>
        FindWhereAsync("issue_number = $match", repo, issueNumber, cancellationToken);

    public Task<IReadOnlyList<IndexedIncident>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.Command(
                $"""
                SELECT {Columns} FROM incidents
                WHERE due_at IS NOT NULL AND due_at <= $now ORDER BY due_at LIMIT $limit;
                """,
                ("$now", SqliteTime.ToText(now)),
                ("$limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var due = new List<IndexedIncident>();
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(Read(reader));
            }

            return (IReadOnlyList<IndexedIncident>)due;
        }, cancellationToken);

    private const string Columns = "owner, name, incident_key, issue_number, state_json, labels_json, updated_at, due_at";

    private Task<IndexedIncident?> FindWhereAsync(string condition, RepoRef repo, object match, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {Columns} FROM incidents WHERE repo_id = $repo AND {condition};",
                ("$repo", RepoId(repo)),
                ("$match", match));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, cancellationToken);

    private static IndexedIncident Read(SqliteDataReader reader) => new()
    {
        Repo = new RepoRef(reader.GetString(0), reader.GetString(1)),
        Key = reader.GetString(2),
        IssueNumber = reader.GetInt32(3),
        StateJson = reader.GetString(4),
        Labels = JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
        UpdatedAt = SqliteTime.FromText(reader.GetString(6)),
        DueAt = reader.IsDBNull(7) ? null : SqliteTime.FromText(reader.GetString(7)),
    };

    public Task UpsertAsync(IndexedIncident incident, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                """
                INSERT INTO incidents (repo_id, owner, name, incident_key, issue_number, state_json, labels_json, updated_at, due_at)
                VALUES ($repo, $owner, $name, $key, $issue, $state, $labels, $updated, $due)
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
                ("$repo", RepoId(incident.Repo)),
                ("$owner", incident.Repo.Owner),
                ("$name", incident.Repo.Name),
                ("$key", incident.Key),
                ("$issue", incident.IssueNumber),
                ("$state", incident.StateJson),
                ("$labels", JsonSerializer.Serialize(incident.Labels)),
                ("$updated", SqliteTime.ToText(incident.UpdatedAt)),
                ("$due", incident.DueAt is { } due ? SqliteTime.ToText(due) : null)),
            cancellationToken);

    public Task<bool> IsRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken) =>
        database.RunAsync(
            async connection => await connection.ScalarAsync(
                "SELECT 1 FROM indexed_repos WHERE repo_id = $repo;", cancellationToken, ("$repo", RepoId(repo))) is not null,
            cancellationToken);

    public Task MarkRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO indexed_repos (repo_id) VALUES ($repo) ON CONFLICT (repo_id) DO NOTHING;",
                cancellationToken,
                ("$repo", RepoId(repo))),
            cancellationToken);

    // GitHub names are ASCII, so invariant lower-casing matches GitHub's case-insensitivity.
    private static string RepoId(RepoRef repo) => repo.ToString().ToLowerInvariant();
}
