using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Finds incidents (through the index, rebuilt from the issues when missing) and applies decisions to
/// them: the operations through GitHub, then the new state into the index.
/// </summary>
/// <param name="locks">Where incidents are locked: within this process unless given (several replicas share a database's).</param>
public sealed class IncidentStore(IIncidentIndex index, IncidentIndexRebuilder rebuilder, TrustedMarkers markers, IncidentExecutor executor, TimeProvider time, IIncidentLocks? locks = null)
{
    /// <summary>How long the incident whose pin gave way is waited for (see <see cref="ForgetPinAsync"/>).</summary>
    public static readonly TimeSpan PinLockWait = TimeSpan.FromSeconds(2);

    private readonly IIncidentLocks _locks = locks ?? new InProcessIncidentLocks();

    /// <summary>Holds the incident for one find-decide-apply, against other workers.</summary>
    public Task<IAsyncDisposable> LockAsync(RepoRef repo, string key, CancellationToken cancellationToken) =>
        _locks.AcquireAsync($"{repo.ToString().ToLowerInvariant()} {key}", cancellationToken);

    /// <param name="lookOnGitHub">
    /// When the index knows no firing incident of the key, look on GitHub for a newer issue: a retried delivery
    /// may have opened one (the first, or a new one after the reopen window) before it failed.
    /// </param>
    public async Task<TrackedIncident?> FindByKeyAsync(RepoRef repo, string key, IncidentConfig config, CancellationToken cancellationToken, bool lookOnGitHub = false)
    {
        await rebuilder.EnsureIndexedAsync(repo, config, cancellationToken);
        var tracked = Track(await index.FindAsync(repo, key, cancellationToken));
        if (tracked?.State.IsFiring != true && lookOnGitHub)
        {
            await rebuilder.FindOnGitHubAsync(repo, key, config, cancellationToken, newerThan: tracked?.Issue.Number);
            tracked = Track(await index.FindAsync(repo, key, cancellationToken));
        }

        return tracked;
    }

    /// <summary>The incident the index has in issue <paramref name="issueNumber"/>; null when it has none.</summary>
    public async Task<TrackedIncident?> FindByIssueNumberAsync(RepoRef repo, int issueNumber, IncidentConfig config, CancellationToken cancellationToken)
    {
        await rebuilder.EnsureIndexedAsync(repo, config, cancellationToken);
        return Track(await index.FindByIssueAsync(repo, issueNumber, cancellationToken));
    }

    /// <summary>The incident living in <paramref name="issue"/>, or null when it is not an incident issue.</summary>
    public async Task<TrackedIncident?> FindByIssueAsync(RepoRef repo, IssueSnapshot issue, IncidentConfig config, CancellationToken cancellationToken)
    {
        await rebuilder.EnsureIndexedAsync(repo, config, cancellationToken);
        if (Track(await index.FindByIssueAsync(repo, issue.Number, cancellationToken)) is { } tracked)
        {
            // The event carries the issue as it is now, fresher than the index.
            return tracked with { Issue = tracked.Issue with { Labels = issue.Labels, Assignees = issue.Assignees } };
        }

        // Not indexed yet (opened by another replica, or the index lags): the app's marker says whether it is
        // an incident. For a key the index knows, an older issue never takes over from the indexed one.
        if (await markers.ReadAsync(repo, issue, config, cancellationToken) is not { } state
            || (await index.FindAsync(repo, state.Key, cancellationToken) is { } known && known.IssueNumber > issue.Number))
        {
            return null;
        }

        return new TrackedIncident(state.Key, state, new IncidentIssue(issue.Number, issue.Labels) { Assignees = issue.Assignees });
    }

    /// <summary>
    /// <see cref="FindByIssueAsync"/> with the incident's lock held; dispose the lock when done. The
    /// incident is read again once the lock is held: whoever held it before may have changed it.
    /// </summary>
    public async Task<(TrackedIncident Incident, IAsyncDisposable Held)?> FindByIssueLockedAsync(RepoRef repo, IssueSnapshot issue, IncidentConfig config, CancellationToken cancellationToken)
    {
        if (await FindByIssueAsync(repo, issue, config, cancellationToken) is not { } found)
        {
            return null;
        }

        var held = await LockAsync(repo, found.Key, cancellationToken);
        return (await FindByIssueAsync(repo, issue, config, cancellationToken) ?? found, held);
    }

    /// <param name="issue">The incident's issue, or null when the decision opens a new one.</param>
    public async Task<IncidentIssue> ApplyAsync(RepoRef repo, string key, IncidentIssue? issue, IncidentDecision decision, CancellationToken cancellationToken)
    {
        var state = decision.State ?? throw new ArgumentException("A decision without a state changes nothing to apply.", nameof(decision));
        var (applied, unpinned) = await executor.ApplyAsync(repo, issue, decision.Operations, cancellationToken);
        if (applied is null)
        {
            throw new InvalidOperationException("Applying the operations left the incident without an issue.");
        }

        await index.UpsertAsync(IndexEntry.Of(repo, key, applied.Number, applied.Labels, state, time.GetUtcNow()), cancellationToken);
        foreach (var number in unpinned)
        {
            await ForgetPinAsync(repo, key, number, cancellationToken);
        }

        return applied;
    }

    /// <summary>
    /// The app took the pin of issue <paramref name="number"/> off for another incident's (the one of <paramref name="holding"/>,
    /// whose lock is held): its incident no longer counts as pinned, so it is not unpinned again later. Under its own
    /// lock, waited for only <see cref="PinLockWait"/>: its holder may be waiting for ours. Not had in time, it keeps its
    /// pinned state, and its unpin later finds nothing pinned, which costs a call and no harm.
    /// </summary>
    private async Task ForgetPinAsync(RepoRef repo, string holding, int number, CancellationToken cancellationToken)
    {
        if (Track(await index.FindByIssueAsync(repo, number, cancellationToken)) is not { State.PinnedAt: not null } found || found.Key == holding)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(PinLockWait);
        IAsyncDisposable held;
        try
        {
            held = await LockAsync(repo, found.Key, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return;
        }

        await using (held)
        {
            // Read again under the lock: its holder before may have changed it.
            if (Track(await index.FindByIssueAsync(repo, number, cancellationToken)) is { State.PinnedAt: not null } current)
            {
                await ApplyAsync(repo, current.Key, current.Issue, new IncidentDecision([new SaveStateInMarker()], current.State with { PinnedAt = null }), cancellationToken);
            }
        }
    }

    private static TrackedIncident? Track(IndexedIncident? indexed) =>
        indexed is not null && IncidentState.FromJson(indexed.StateJson) is { } state
            ? new TrackedIncident(indexed.Key, state, new IncidentIssue(indexed.IssueNumber, indexed.Labels))
            : null;
}
