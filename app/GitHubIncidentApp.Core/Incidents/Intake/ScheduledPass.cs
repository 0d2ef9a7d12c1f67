using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// One pass over a repository for a host that runs now and then instead of all the time (the Action on its schedule):
/// reconciles the incidents with the alert groups Alertmanager holds, when one is given, then fires the timed steps that
/// are due, each through the dispatcher as the App's clock and inbox do, and brings the maintenance windows' silences in
/// step (<see cref="MaintenanceSync"/>), and opens the periodic report when it is due (<see cref="IncidentReports"/>). Alertmanager is read before anything is written: when it cannot be read
/// (<see cref="AlertmanagerUnavailableException"/>), the pass changed nothing.
/// </summary>
public sealed class ScheduledPass(
    RepoSettingsCache settings, IncidentIndexRebuilder rebuilder, IIncidentIndex index, AlertmanagerReconciler reconciler, DeliveryDispatcher dispatcher,
    MaintenanceSync maintenance, IncidentReports reports, TimeProvider time)
{
    /// <param name="receiver">Only this Alertmanager receiver's groups open incidents; null: every receiver's.</param>
    /// <param name="reportProblem">Told what is wrong with a group as soon as it is known, before the due steps fire.</param>
    /// <returns>What the pass did, in a sentence or two.</returns>
    public async Task<string> RunAsync(RepoRef repo, AlertmanagerApi? alertmanager, string? receiver, Action<string> reportProblem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reportProblem);
        if (alertmanager is null)
        {
            return $"{await FireDueStepsAsync(repo, cancellationToken)} {await ReportAsync(repo, cancellationToken)}";
        }

        var groups = await alertmanager.GetAlertGroupsAsync(cancellationToken);
        var scope = new ReconcileScope { DefaultRepo = repo, Receiver = receiver, ExternalUrl = alertmanager.ExternalUrl };
        var reconciled = await reconciler.ReconcileAsync(groups, scope, cancellationToken);
        foreach (var problem in reconciled.Problems)
        {
            reportProblem(problem);
        }

        var fired = await FireDueStepsAsync(repo, cancellationToken);
        var silenced = maintenance.IsOn ? $" {(await maintenance.SyncAsync(repo, cancellationToken)).Describe()}" : "";
        return $"{Describe(reconciled, groups.Count, receiver)} {fired}{silenced} {await ReportAsync(repo, cancellationToken)}";
    }

    private async Task<string> ReportAsync(RepoRef repo, CancellationToken cancellationToken) =>
        (await reports.PostDueAsync(repo, (await settings.GetAsync(repo, cancellationToken)).Config, cancellationToken)).Description;

    private static string Describe(ReconcileOutcome outcome, int groups, string? receiver)
    {
        var changed = outcome.Delivered.Where(d => d.Operations > 0).Select(d => d.IssueNumber is { } number ? $"#{number}" : d.Key).ToList();
        return $"Alertmanager lists {groups} alert group(s){(receiver is null ? "" : $" (incidents from receiver '{receiver}' only)")}: "
            + $"{outcome.Delivered.Count} incident(s) with active alerts, {changed.Count} changed{(changed.Count > 0 ? $" ({string.Join(", ", changed)})" : "")}; "
            + $"{outcome.Resolved.Count} resolved because their alerts are gone{(outcome.Resolved.Count > 0 ? $" ({string.Join(", ", outcome.Resolved.Select(r => $"#{r.Issue}"))})" : "")}.";
    }

    // Every due step, not a batch as the App's clock takes: the pass may not run again for minutes.
    private async Task<string> FireDueStepsAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        await rebuilder.EnsureIndexedAsync(repo, (await settings.GetAsync(repo, cancellationToken)).Config, cancellationToken);
        var due = await index.FindDueAsync(time.GetUtcNow(), int.MaxValue, cancellationToken);
        foreach (var incident in due)
        {
            await dispatcher.DispatchAsync(InboxItems.ForTimedStep(incident, time.GetUtcNow()), retried: false, cancellationToken);
        }

        return due.Count == 0
            ? "No incident has a step due."
            : $"Fired the due step of {due.Count} incident(s): {string.Join(", ", due.Select(i => $"#{i.IssueNumber}"))}.";
    }
}
