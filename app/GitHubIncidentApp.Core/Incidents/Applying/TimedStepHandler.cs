using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Fires an incident's due timed step (an escalation step or the acknowledgement timeout). Shared by
/// the App's clock and the Action's scheduled run; a step that is no longer due does nothing, so a
/// tick delivered twice or late never pages twice.
/// </summary>
public sealed partial class TimedStepHandler(RepoSettingsCache settingsCache, IncidentStore store, TimeProvider time, ILogger<TimedStepHandler> logger)
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

    /// <summary>Fires the incident's step if it is due now; used after commands too (<c>/escalate</c>, <c>/unack</c>).</summary>
    public async Task FireDueAsync(RepoRef repo, TrackedIncident incident, RepoSettings settings, CancellationToken cancellationToken)
    {
        var context = IncidentContext.For(repo, incident.Key, settings, time.GetUtcNow());
        var escalation = EscalationDecider.Decide(incident.Known, Tick.Instance, context);
        foreach (var target in escalation.UnnamedTargets)
        {
            LogUnnamedTarget(target, repo.ToString(), incident.Issue.Number);
        }

        var decision = escalation.Decision;
        if (decision.State is not null)
        {
            var escalated = await store.ApplyAsync(repo, incident.Key, incident.Issue, decision, cancellationToken);
            LogFired(repo.ToString(), incident.Issue.Number, decision.State.Escalation?.Step ?? 0);
            incident = incident with { State = decision.State, Issue = escalated };
        }

        var storm = StormDecider.Decide(incident.Known, Tick.Instance, context);
        if (storm.State is not null)
        {
            await store.ApplyAsync(repo, incident.Key, incident.Issue, storm, cancellationToken);
            LogStormListed(repo.ToString(), incident.Issue.Number, storm.State.Storm?.Groups ?? 0, storm.State.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation target {Target} of the incident in {Repo} issue {IssueNumber} is not named by the repository's config (rotations, routes, policies); not paged")]
    private partial void LogUnnamedTarget(string target, string repo, int issueNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rewrote the list of storm issue {IssueNumber} in {Repo}: {Groups} group(s), storm {Status}")]
    private partial void LogStormListed(string repo, int issueNumber, int groups, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fired the due step of the incident in {Repo} issue {IssueNumber}; next step {NextStep}")]
    private partial void LogFired(string repo, int issueNumber, int nextStep);
}
