using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Maps an incident key to its issue, with the last known state, so a delivery that changes
/// nothing costs no GitHub call. A cache of what the issues' markers say: it can be rebuilt.
/// </summary>
public interface IIncidentIndex
{
    /// <summary>
    /// Whether the index outlives the process (a database). When it does not, the issues' markers are the only memory
    /// between runs, so they must be kept up to the state the index holds.
    /// </summary>
    bool KeepsState { get; }

    Task<IndexedIncident?> FindAsync(RepoRef repo, string key, CancellationToken cancellationToken);

    /// <summary>The incident that lives in issue <paramref name="issueNumber"/>; null when none does.</summary>
    Task<IndexedIncident?> FindByIssueAsync(RepoRef repo, int issueNumber, CancellationToken cancellationToken);

    /// <summary>Incidents whose next timed step is due at or before <paramref name="now"/>, soonest first.</summary>
    Task<IReadOnlyList<IndexedIncident>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task UpsertAsync(IndexedIncident incident, CancellationToken cancellationToken);

    /// <summary>Whether the index holds every incident issue of the repository (rebuilt or built from the start).</summary>
    Task<bool> IsRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken);

    Task MarkRepoIndexedAsync(RepoRef repo, CancellationToken cancellationToken);
}

public sealed record IndexedIncident
{
    public required RepoRef Repo { get; init; }
    public required string Key { get; init; }
    public required int IssueNumber { get; init; }

    /// <summary>The incident state as the marker JSON; Storage does not interpret it.</summary>
    public required string StateJson { get; init; }

    /// <summary>The issue's labels as last seen or set by the app.</summary>
    public required IReadOnlyList<string> Labels { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the incident's next timed step is due; null when none is planned.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
