using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>What one delivery did.</summary>
public sealed record DeliveryOutcome(string Key, int? IssueNumber, int Operations);

/// <summary>
/// Turns one Alertmanager delivery into issue changes: settings, index, decide, apply, remember.
/// Deliveries of one incident run one at a time: the inbox orders each group's, the store's lock
/// keeps groups that share an incident apart.
/// </summary>
public sealed partial class AlertDeliveryHandler(
    RepoSettingsCache settingsCache,
    IncidentStore store,
    StormLedger storms,
    TimeProvider time,
    ILogger<AlertDeliveryHandler> logger,
    FlapMetrics? flapMetrics = null)
{
    /// <param name="retried">True when an earlier attempt at this delivery failed, possibly after opening the issue.</param>
    public async Task<DeliveryOutcome> HandleAsync(RepoRef repo, AlertmanagerPayload payload, bool retried, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync(repo, cancellationToken);
        var key = IncidentKey.Derive(repo, payload, settings.Config.IncidentKeyLabels);
        using var scope = logger.BeginScope(new LogFields(("IncidentKey", key)));
        await using var held = await store.LockAsync(repo, key, cancellationToken);

        var tracked = await store.FindByKeyAsync(repo, key, settings.Config, cancellationToken, lookOnGitHub: retried);
        var context = IncidentContext.For(repo, key, settings, time.GetUtcNow());
        tracked ??= await storms.FindListedAsync(repo, key, context, cancellationToken);
        if (tracked?.State.StormIssue is not null)
        {
            if (await storms.FollowAsync(repo, tracked, payload, context, cancellationToken) is { } stormIssue)
            {
                LogInStorm(repo.ToString(), stormIssue.Number);
                return new DeliveryOutcome(key, stormIssue.Number, 0);
            }

            // Its storm is over: the group is new again.
            tracked = null;
        }

        // The repository's templates run synchronously, for up to their budget: then deciding gets a thread of its
        // own, so a few slow renders cannot starve the thread pool that every other delivery and request runs on.
        var decision = settings.RunsRepositoryTemplates
            ? await Task.Factory.StartNew(
                () => IncidentDecider.Decide(tracked?.Known, payload, context), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : IncidentDecider.Decide(tracked?.Known, payload, context);
        decision = SeverityFieldDecider.Decide(PinDecider.Decide(decision, context), tracked?.State, context);
        if (context.Renderer.BudgetSpent)
        {
            LogBudgetSpent(repo.ToString());
        }

        if (decision.State is null)
        {
            LogUnchanged(repo.ToString(), tracked?.Issue.Number);
            return new DeliveryOutcome(key, tracked?.Issue.Number, 0);
        }

        // A new issue after the reopen window replaces the old one in the index.
        var opensNew = decision.Operations.Any(op => op is CreateIssue);
        var applied = opensNew
            ? await storms.OpenAsync(repo, key, decision, payload, context, retried, cancellationToken)
            : await store.ApplyAsync(repo, key, tracked?.Issue, decision, cancellationToken);
        flapMetrics?.Observe(tracked?.State, decision.State);
        LogApplied(repo.ToString(), applied.Number, decision.State.Status, decision.Operations.Count);
        return new DeliveryOutcome(key, applied.Number, decision.Operations.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The templates of {Repo} spent this delivery's template budget; the built-in templates were used for the rest and the issue says which and why; make its templates do less work or use fewer label templates")]
    private partial void LogBudgetSpent(string repo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing changed for the incident in {Repo} (issue {IssueNumber}); no GitHub call")]
    private partial void LogUnchanged(string repo, int? issueNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "The group is listed in the storm issue {IssueNumber} of {Repo}; no GitHub call until the list is rewritten")]
    private partial void LogInStorm(string repo, int issueNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident in {Repo} issue {IssueNumber} is {Status}; applied {Operations} operation(s)")]
    private partial void LogApplied(string repo, int issueNumber, string status, int operations);
}
