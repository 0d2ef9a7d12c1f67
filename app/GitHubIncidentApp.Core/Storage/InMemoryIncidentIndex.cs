using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The incident index for a host without a database (the Action): it lives for one run and is filled
/// from the issues' markers by the rebuilder, so GitHub stays the only durable state.
/// </summary>
public sealed class InMemoryIncidentIndex : IIncidentIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(RepoRef Repo, string Key), IndexedIncident> _incidents = [];
    private readonly HashSet<RepoRef> _indexedRepos = [];

    public bool KeepsState => false;

    public Task<IndexedIncident?> FindAsync(RepoRef repo, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_incidents.GetValueOrDefault((repo, key)));
        }
    }

    public Task<IndexedIncident?> FindByIssueAsync(RepoRef repo, int issueNumber, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_incidents.Values
                .Where(i => i.Repo == repo && i.IssueNumber == issueNumber)
                .MaxBy(i => i.UpdatedAt));
        }
    }

    public Task<IReadOnlyList<IndexedIncident>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<IndexedIncident> due = [.. _incidents.Values
                .Where(i => i.DueAt is { } at && at <= now)
                .OrderBy(i => i.DueAt)
                .Take(limit)];
            return Task.FromResult(due);
        }
    }

    public Task UpsertAsync(IndexedIncident incident, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _incidents[(incident.Repo, incident.Key)] = incident;
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_indexedRepos.Contains(repo));
        }
    }

    public Task MarkRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _indexedRepos.Add(repo);
        }

        return Task.CompletedTask;
    }
}
