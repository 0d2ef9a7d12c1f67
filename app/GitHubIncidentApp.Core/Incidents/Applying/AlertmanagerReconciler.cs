using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>What one reconciliation did.</summary>
/// <param name="Resolved">Issues of the incidents resolved because their alerts were gone.</param>
public sealed record ReconcileOutcome(IReadOnlyList<DeliveryOutcome> Delivered, IReadOnlyList<(RepoRef Repo, int Issue)> Resolved, IReadOnlyList<string> Problems);

/// <summary>
/// Brings the incidents in line with the alert groups Alertmanager holds now, for when deliveries may have
/// been lost (a host that only runs now and then). Each group goes through <see cref="AlertDeliveryHandler"/>
/// as its webhook delivery would; incidents whose alerts are gone are resolved by the same decision a resolved
/// delivery takes. Unchanged groups decide nothing, so running it twice writes nothing the second time.
/// </summary>
public sealed partial class AlertmanagerReconciler(
    RepoSettingsCache settingsCache,
    IncidentStore store,
    AlertDeliveryHandler alerts,
    TrustedMarkers markers,
    MarkerWriteBack writeBack,
    TimeProvider time,
    ILogger<AlertmanagerReconciler> logger)
{
    /// <param name="groups">Everything Alertmanager listed; an incomplete list would resolve incidents that still fire.</param>
    public Task<ReconcileOutcome> ReconcileAsync(IReadOnlyList<AlertGroup> groups, ReconcileScope scope, CancellationToken cancellationToken) =>
        // One reconciliation is one delivery of many groups: its issues' markers catch up with the index once, at its end.
        writeBack.AfterAsync(() => ReconcileAllAsync(groups, scope, cancellationToken), cancellationToken);

    private async Task<ReconcileOutcome> ReconcileAllAsync(IReadOnlyList<AlertGroup> groups, ReconcileScope scope, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<RepoRef, RepoSettings>();
        foreach (var repo in ReconciliationPlan.TargetRepos(groups, scope))
        {
            settings[repo] = await settingsCache.GetAsync(repo, cancellationToken);
        }

        var plan = ReconciliationPlan.Build(groups, scope, repo => settings[repo].Config);
        var delivered = new List<DeliveryOutcome>();
        foreach (var delivery in plan.Deliveries)
        {
            delivered.Add(await alerts.HandleAsync(delivery.Repo, delivery.Payload, retried: false, cancellationToken));
        }

        var resolved = new List<(RepoRef, int)>();
        foreach (var repo in plan.Repos)
        {
            foreach (var incident in await IncidentsAsync(repo, settings[repo].Config, cancellationToken))
            {
                if (plan.IsGone(repo, incident) && await ResolveAsync(repo, incident, settings[repo], scope, cancellationToken))
                {
                    resolved.Add((repo, incident.Issue.Number));
                }
            }
        }

        return new ReconcileOutcome(delivered, resolved, plan.Problems);
    }

    // The index cannot list a repository's incidents; the issues' markers say which keys exist, the index their latest state.
    private async Task<List<TrackedIncident>> IncidentsAsync(RepoRef repo, IncidentConfig config, CancellationToken cancellationToken)
    {
        var keys = (await markers.ListAsync(repo, config, cancellationToken))
            .Select(incident => incident.State.Key)
            .Distinct(StringComparer.Ordinal);
        var incidents = new List<TrackedIncident>();
        foreach (var key in keys)
        {
            if (await store.FindByKeyAsync(repo, key, config, cancellationToken) is { } incident)
            {
                incidents.Add(incident);
            }
        }

        return incidents;
    }

    /// <returns>Whether the incident was firing and is resolved now (one closed by hand only forgets its alerts).</returns>
    private async Task<bool> ResolveAsync(RepoRef repo, TrackedIncident incident, RepoSettings settings, ReconcileScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var context = IncidentContext.For(repo, incident.Key, settings, now);
        var decision = IncidentDecider.Decide(incident.Known, ReconciliationPlan.Resolved(incident.State, scope, now), context);
        if (decision.State is null)
        {
            return false;
        }

        await store.ApplyAsync(repo, incident.Key, incident.Issue, decision, cancellationToken);
        LogGone(repo.ToString(), incident.Issue.Number);
        return incident.State.IsFiring;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The alerts of the incident in {Repo} issue {IssueNumber} are no longer in Alertmanager; treated as resolved")]
    private partial void LogGone(string repo, int issueNumber);
}
