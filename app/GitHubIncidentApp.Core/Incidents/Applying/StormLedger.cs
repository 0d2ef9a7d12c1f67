using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Applies storms (<see cref="StormDecider"/>). Whether a new group opens an issue, joins the storm or opens it is one
/// decision per repository: it is taken under the ledger's lock (the store's, so across replicas on PostgreSQL), always
/// after the group's own lock, the one order every path takes, so nothing deadlocks. The lock is held across GitHub
/// only to open the storm issue itself (there must never be two); a group's own issue opens after it is let go.
/// </summary>
/// <param name="metrics">Where storms and their groups are counted; none in tests that do not look.</param>
public sealed class StormLedger(IncidentStore store, IIncidentIndex index, DeliveryMetrics? metrics = null)
{
    /// <summary>Where a member lives in the index: no issue of its own, so looking up an issue never finds it.</summary>
    private static readonly IncidentIssue NoIssue = new(0, []);

    /// <summary>Opens the group as <paramref name="open"/> decides, or lists it in the storm; the issue that shows it.</summary>
    /// <param name="retried">An earlier attempt may have opened the storm issue before it failed: look for it on GitHub.</param>
    public async Task<IncidentIssue> OpenAsync(RepoRef repo, string key, IncidentDecision open, AlertmanagerPayload payload, IncidentContext context, bool retried, CancellationToken cancellationToken)
    {
        StormStep step;
        int stormNumber;
        await using (await store.LockAsync(repo, StormDecider.Key, cancellationToken))
        {
            var ledger = await store.FindByKeyAsync(repo, StormDecider.Key, context.Config, cancellationToken, lookOnGitHub: retried);
            step = StormDecider.DecideOpen(ledger?.Known, open, payload, context);
            var stormIssue = ledger?.Issue ?? NoIssue;
            if (step.Ledger.State is not null)
            {
                var opensStorm = step.Ledger.Operations.Any(op => op is CreateIssue);
                stormIssue = await store.ApplyAsync(repo, StormDecider.Key, opensStorm ? null : stormIssue, step.Ledger, cancellationToken);
                await WriteThroughAsync(repo, step.Ledger.State, stormIssue, context, cancellationToken);
            }

            stormNumber = stormIssue.Number;
            Count(step);
            if (step.Joins)
            {
                // Written while the ledger is held, so its flush and its end see the member the list counts.
                var member = step.Group.State! with { StormIssue = stormIssue.Number };
                await store.ApplyAsync(repo, key, NoIssue, step.Group with { State = member }, cancellationToken);
                return stormIssue;
            }
        }

        return step.LinksOwnIssue
            ? await OpenLinkedAsync(repo, key, step.Group, stormNumber, context, cancellationToken)
            : await store.ApplyAsync(repo, key, null, step.Group, cancellationToken);
    }

    /// <summary>
    /// <c>/split</c>: the group <paramref name="key"/>, listed in storm issue <paramref name="stormIssue"/>, gets an issue of
    /// its own. Called once the storm issue's lock is let go, as the group's lock comes first.
    /// </summary>
    public async Task SplitAsync(RepoRef repo, string key, int stormIssue, IncidentContext context, CancellationToken cancellationToken)
    {
        var groupContext = context with { Key = key };
        await using var held = await store.LockAsync(repo, key, cancellationToken);
        var member = await store.FindByKeyAsync(repo, key, context.Config, cancellationToken) ?? await FindListedAsync(repo, key, groupContext, cancellationToken);
        if (member is { State: { IsFiring: true } state } && state.StormIssue == stormIssue)
        {
            await OpenLinkedAsync(repo, key, StormDecider.OpenSplit(state, groupContext), stormIssue, groupContext, cancellationToken);
        }
    }

    // Filed under the storm issue too, where GitHub has sub-issues, and listed as linked once the issue has its number.
    private async Task<IncidentIssue> OpenLinkedAsync(RepoRef repo, string key, IncidentDecision open, int stormIssue, IncidentContext context, CancellationToken cancellationToken)
    {
        var applied = await store.ApplyAsync(repo, key, null, open with { Operations = [.. open.Operations, new AddSubIssue(stormIssue)] }, cancellationToken);
        await LinkAsync(repo, key, applied, context, cancellationToken);
        return applied;
    }

    private void Count(StormStep step)
    {
        if (step.Ledger.Operations.Any(op => op is CreateIssue))
        {
            metrics?.StormsOpened.Increment();
        }

        if (step.Joins || step.LinksOwnIssue)
        {
            metrics?.StormGroups.Increment(step.Joins ? "listed" : "own_issue");
        }
    }

    /// <summary>A later delivery of a storm member: the storm issue that lists it, or null when its storm is over (the group is new again).</summary>
    public async Task<IncidentIssue?> FollowAsync(RepoRef repo, TrackedIncident member, AlertmanagerPayload payload, IncidentContext context, CancellationToken cancellationToken)
    {
        await using var held = await store.LockAsync(repo, StormDecider.Key, cancellationToken);
        var ledger = await store.FindByKeyAsync(repo, StormDecider.Key, context.Config, cancellationToken);
        if (ledger is null || !StormDecider.IsActive(ledger.Known) || ledger.Issue.Number != member.State.StormIssue)
        {
            return null;
        }

        var step = StormDecider.DecideMember(member.Known, ledger.Known, payload, context);
        if (step.Ledger.State is not null)
        {
            await store.ApplyAsync(repo, StormDecider.Key, ledger.Issue, step.Ledger, cancellationToken);
            await WriteThroughAsync(repo, step.Ledger.State, ledger.Issue, context, cancellationToken);
        }

        if (step.Group.State is not null)
        {
            await store.ApplyAsync(repo, member.Key, NoIssue, step.Group, cancellationToken);
        }

        return ledger.Issue;
    }

    /// <summary>
    /// A group the open storm lists that the index does not know: the Action's index, rebuilt from markers, holds no
    /// members (they have no issue), so the storm issue's list is where they are found. Null for any other group.
    /// </summary>
    public async Task<TrackedIncident?> FindListedAsync(RepoRef repo, string key, IncidentContext context, CancellationToken cancellationToken)
    {
        if (await store.FindByKeyAsync(repo, StormDecider.Key, context.Config, cancellationToken) is not { } ledger
            || !StormDecider.IsActive(ledger.Known)
            || ledger.State.Storm!.Members.FirstOrDefault(m => m.Key == key && !m.OwnIssue) is not { } listed)
        {
            return null;
        }

        var state = new IncidentState
        {
            Key = key,
            Status = listed.ResolvedAt is null ? AlertStatus.Firing : AlertStatus.Resolved,
            Firing = [],
            Severity = listed.Severity,
            StartedAt = listed.StartedAt,
            ResolvedAt = listed.ResolvedAt,
            GroupLabels = listed.Labels,
            StormIssue = ledger.Issue.Number,
        };
        return new TrackedIncident(key, state, NoIssue);
    }

    private async Task LinkAsync(RepoRef repo, string key, IncidentIssue own, IncidentContext context, CancellationToken cancellationToken)
    {
        await using var held = await store.LockAsync(repo, StormDecider.Key, cancellationToken);
        if (await store.FindByKeyAsync(repo, StormDecider.Key, context.Config, cancellationToken) is { } ledger
            && StormDecider.Link(ledger.Known, key, own.Number) is { State: { } linked } decision)
        {
            await store.ApplyAsync(repo, StormDecider.Key, ledger.Issue, decision, cancellationToken);
            await WriteThroughAsync(repo, linked, ledger.Issue, context, cancellationToken);
        }
    }

    /// <summary>
    /// Where the index forgets between runs (the Action), the storm issue's marker is the ledger's only memory: the list
    /// is written at once instead of batched. The App's database keeps it, and its clock flushes it (<see cref="StormDecider.Decide"/>).
    /// </summary>
    private async Task WriteThroughAsync(RepoRef repo, IncidentState ledger, IncidentIssue stormIssue, IncidentContext context, CancellationToken cancellationToken)
    {
        if (index.KeepsState || ledger.Storm is not { Stale: true } || StormDecider.Flush(new KnownIncident(ledger, stormIssue.Number), context) is not { State: not null } flush)
        {
            return;
        }

        await store.ApplyAsync(repo, StormDecider.Key, stormIssue, flush, cancellationToken);
    }
}
