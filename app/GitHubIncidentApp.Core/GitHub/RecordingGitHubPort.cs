namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// A port that records every write it passes on, for a host that reports them (the Action's outputs and summary);
/// reads pass through unrecorded.
/// </summary>
public sealed class RecordingGitHubPort(IGitHubPort inner) : IGitHubPort
{
    private readonly Lock _gate = new();
    private readonly List<GitHubWrite> _writes = [];

    public IReadOnlyList<GitHubWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public async Task<IssueSnapshot> CreateIssueAsync(RepoRef repo, NewIssue issue, CancellationToken cancellationToken)
    {
        var created = await inner.CreateIssueAsync(repo, issue, cancellationToken);
        Record("open issue", repo, created.Number);
        return created;
    }

    public Task<IssueSnapshot> GetIssueAsync(RepoRef repo, int number, CancellationToken cancellationToken) =>
        inner.GetIssueAsync(repo, number, cancellationToken);

    public Task<IssueSnapshot> UpdateIssueAsync(RepoRef repo, int number, IssueUpdate update, CancellationToken cancellationToken) =>
        RecordAsync("update issue", repo, number, inner.UpdateIssueAsync(repo, number, update, cancellationToken));

    public Task AddCommentAsync(RepoRef repo, int number, string body, CancellationToken cancellationToken) =>
        RecordAsync("comment", repo, number, inner.AddCommentAsync(repo, number, body, cancellationToken));

    public Task<IReadOnlyList<string>> ListCommentBodiesAsync(RepoRef repo, int number, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.ListCommentBodiesAsync(repo, number, since, cancellationToken);

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesWithLabelAsync(
        RepoRef repo, string label, CancellationToken cancellationToken, DateTimeOffset? updatedSince = null, bool openOnly = false) =>
        inner.ListIssuesWithLabelAsync(repo, label, cancellationToken, updatedSince, openOnly);

    public Task<bool> IsPrivateAsync(RepoRef repo, CancellationToken cancellationToken) => inner.IsPrivateAsync(repo, cancellationToken);

    public Task<IReadOnlyList<string>> ListLabelsAsync(RepoRef repo, CancellationToken cancellationToken) =>
        inner.ListLabelsAsync(repo, cancellationToken);

    public Task CreateLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken) =>
        RecordAsync($"create label '{label.Name}'", repo, null, inner.CreateLabelAsync(repo, label, cancellationToken));

    public Task<RepoPermission> GetPermissionAsync(RepoRef repo, string login, CancellationToken cancellationToken) =>
        inner.GetPermissionAsync(repo, login, cancellationToken);

    // A reaction names a comment, not an issue: it does not count as touching an incident.
    public Task AddReactionAsync(RepoRef repo, long commentId, string content, CancellationToken cancellationToken) =>
        RecordAsync($"react {content}", repo, null, inner.AddReactionAsync(repo, commentId, content, cancellationToken));

    public Task<IssueSnapshot> AddAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        RecordAsync("assign", repo, number, inner.AddAssigneesAsync(repo, number, logins, cancellationToken));

    public Task<IssueSnapshot> RemoveAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        RecordAsync("unassign", repo, number, inner.RemoveAssigneesAsync(repo, number, logins, cancellationToken));

    public Task<bool> AddSubIssueAsync(RepoRef repo, int parent, long childId, CancellationToken cancellationToken) =>
        RecordAsync("add sub-issue", repo, parent, inner.AddSubIssueAsync(repo, parent, childId, cancellationToken));

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken) =>
        inner.GetFileAsync(repo, path, cancellationToken);

    public Task<string?> GetFileAsync(RepoRef readingFor, RepoRef repo, string path, CancellationToken cancellationToken) =>
        inner.GetFileAsync(readingFor, repo, path, cancellationToken);

    public Task<IReadOnlyList<OrgIssueField>?> ListIssueFieldsAsync(RepoRef repo, CancellationToken cancellationToken) =>
        inner.ListIssueFieldsAsync(repo, cancellationToken);

    public Task SetIssueFieldValuesAsync(RepoRef repo, int number, IReadOnlyList<IssueFieldValue> values, CancellationToken cancellationToken) =>
        RecordAsync("set issue fields", repo, number, inner.SetIssueFieldValuesAsync(repo, number, values, cancellationToken));

    private async Task RecordAsync(string call, RepoRef repo, int? issue, Task write)
    {
        await write;
        Record(call, repo, issue);
    }

    private async Task<T> RecordAsync<T>(string call, RepoRef repo, int? issue, Task<T> write)
    {
        var result = await write;
        Record(call, repo, issue);
        return result;
    }

    private void Record(string call, RepoRef repo, int? issue)
    {
        lock (_gate)
        {
            _writes.Add(new GitHubWrite(call, repo, issue));
        }
    }

    public Task<GraphQLAnswer> GraphQLAsync(RepoRef repo, string query, IReadOnlyDictionary<string, object> variables, CancellationToken cancellationToken) =>
        RecordAsync("graphql", repo, null, inner.GraphQLAsync(repo, query, variables, cancellationToken));
}
