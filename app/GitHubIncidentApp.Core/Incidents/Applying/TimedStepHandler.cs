using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Fires an incident's due timed steps (an escalation step or the acknowledgement timeout, a held-down resolution, the
/// end of a flapping that went quiet, a silence's end, a reminder that a post-mortem is missing). Shared by
/// the App's clock and the Action's scheduled run; a step that is no longer due does nothing, so a
/// tick delivered twice or late never pages twice.
/// </summary>
/// <param name="postmortems">Counts the reminders; none: not counted.</param>
public sealed partial class TimedStepHandler(RepoSettingsCache settingsCache, IncidentStore store, TimeProvider time, ILogger<TimedStepHandler> logger, PostmortemMetrics? postmortems = null)
{
    public async Task HandleAsync(RepoRef repo, int issueNumber, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync(repo, cancellationToken);
        if (await store.FindByIssueNumberAsync(repo, issueNumber, settings.Config, cancellationToken) is not { } found)
        {
            return;
        }

        // Locked and read again: a storm's groups change its ledger from deliveries the inbox does not order with this step.
        await using var held = await store.LockAsync(repo, found.Key, cancellationToken);
        var incident = await store.FindByIssueNumberAsync(repo, issueNumber, settings.Config, cancellationToken) ?? found;
        await FireDueAsync(repo, incident, settings, cancellationToken);
    }

    /// <summary>Fires the incident's steps that are due now; used after commands too (<c>/escalate</c>, <c>/unack</c>).</summary>
    public async Task FireDueAsync(RepoRef repo, TrackedIncident incident, RepoSettings settings, CancellationToken cancellationToken)
    {
        var context = IncidentContext.For(repo, incident.Key, settings, time.GetUtcNow());
        var escalation = EscalationDecider.Decide(incident.Known, Tick.Instance, context);
        foreach (var target in escalation.UnnamedTargets)
        {
            LogUnnamedTarget(target, repo.ToString(), incident.Issue.Number);
        }

        incident = await ApplyAsync(repo, incident, PinDecider.Decide(escalation.Decision, context), cancellationToken);
        // The other timed steps, each deciding on what the one before left.
        foreach (var decide in OtherSteps)
        {
            incident = await ApplyAsync(repo, incident, PinDecider.Decide(decide(incident.Known, Tick.Instance, context), context), cancellationToken);
        }
    }

    private static readonly Func<KnownIncident, Tick, IncidentContext, IncidentDecision>[] OtherSteps = [ResolveHoldDown.Decide, FlapDecider.Decide, SilenceDecider.Decide, StormDecider.Decide, PostmortemDecider.Decide];

    private async Task<TrackedIncident> ApplyAsync(RepoRef repo, TrackedIncident incident, IncidentDecision decision, CancellationToken cancellationToken)
    {
        if (decision.State is null)
        {
            return incident;
        }

        var issue = await store.ApplyAsync(repo, incident.Key, incident.Issue, decision, cancellationToken);
        postmortems?.ObserveReminder(incident.State, decision.State);
        LogFired(repo.ToString(), incident.Issue.Number, decision.State.Escalation?.Step ?? 0);
        return incident with { State = decision.State, Issue = issue };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation target {Target} of the incident in {Repo} issue {IssueNumber} is not named by the repository's config (rotations, routes, policies); not paged")]
    private partial void LogUnnamedTarget(string target, string repo, int issueNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fired the due step of the incident in {Repo} issue {IssueNumber}; next step {NextStep}")]
    private partial void LogFired(string repo, int issueNumber, int nextStep);
}
