using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Rebuilds a repository's part of the index from the markers in its incident issues (those the app
/// opened: <see cref="TrustedMarkers"/>), once per repository and index, so a lost database never leads
/// to duplicate issues. Lists issues by label rather than searching: search lags by seconds and has a
/// small rate limit of its own.
/// </summary>
public sealed class IncidentIndexRebuilder(TrustedMarkers markers, IIncidentIndex index, TimeProvider time)
{
    private readonly InProcessIncidentLocks _rebuilding = new();

    public async Task EnsureIndexedAsync(RepoRef repo, IncidentConfig config, CancellationToken cancellationToken)
    {
        if (await index.IsRepoIndexedAsync(repo, cancellationToken))
        {
            return;
        }

        // Workers of one repository wait for a single rebuild instead of listing its issues each.
        await using var held = await _rebuilding.AcquireAsync(repo.ToString().ToLowerInvariant(), cancellationToken);
        if (await index.IsRepoIndexedAsync(repo, cancellationToken))
        {
            return;
        }

        foreach (var (issue, state) in await NewestPerKeyAsync(repo, config, cancellationToken))
        {
            // What another replica wrote while this one listed is newer than the listing.
            if (await index.FindAsync(repo, state.Key, cancellationToken) is { } known && known.IssueNumber >= issue.Number)
            {
                continue;
            }

            await UpsertAsync(repo, issue, state, config, cancellationToken);
        }

        await index.MarkRepoIndexedAsync(repo, cancellationToken);
    }

    /// <summary>
    /// Looks on GitHub for the issue of one incident the index does not know, and indexes it. A retried
    /// delivery asks this before opening an issue: its first attempt may have opened one and died before
    /// recording it, and that issue must be found, not opened twice.
    /// </summary>
    /// <param name="newerThan">The issue the index knows for the key; only a newer one replaces it.</param>
    public async Task FindOnGitHubAsync(RepoRef repo, string key, IncidentConfig config, CancellationToken cancellationToken, int? newerThan = null)
    {
        var found = (await NewestPerKeyAsync(repo, config, cancellationToken)).FirstOrDefault(pair => pair.State.Key == key);
        if (found.Issue is not null && found.Issue.Number > (newerThan ?? 0))
        {
            await UpsertAsync(repo, found.Issue, found.State, config, cancellationToken);
        }
    }

    // Newest issue per key wins: an incident reopened after its window has a newer issue with the same key.
    private async Task<List<(IssueSnapshot Issue, IncidentState State)>> NewestPerKeyAsync(RepoRef repo, IncidentConfig config, CancellationToken cancellationToken)
    {
        var incidents = await markers.ListAsync(repo, config, cancellationToken);
        return incidents
            .GroupBy(pair => pair.State.Key)
            .Select(group => group.MaxBy(pair => pair.Issue.Number))
            .ToList();
    }

    private async Task UpsertAsync(RepoRef repo, IssueSnapshot issue, IncidentState state, IncidentConfig config, CancellationToken cancellationToken)
    {
        var seen = AsSeenOnGitHub(state, issue, config);
        await index.UpsertAsync(IndexEntry.Of(repo, seen.Key, issue.Number, issue.Labels, seen, time.GetUtcNow()), cancellationToken);
    }

    // The marker is not rewritten when an incident resolves (that would cost a read and a write), so
    // a closed issue or the resolved label is what says it has ended.
    private static IncidentState AsSeenOnGitHub(IncidentState state, IssueSnapshot issue, IncidentConfig config)
    {
        var resolved = !issue.IsOpen || issue.Labels.Contains(config.Resolve.Label, StringComparer.OrdinalIgnoreCase);
        return resolved && state.IsFiring
            ? state with { Status = AlertStatus.Resolved, Firing = [], ResolvedAt = issue.ClosedAt ?? state.StartedAt }
            : state;
    }
}
