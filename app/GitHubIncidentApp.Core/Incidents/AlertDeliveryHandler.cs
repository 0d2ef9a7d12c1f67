using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>What one delivery did.</summary>
public sealed record DeliveryOutcome(string Key, int? IssueNumber, int Operations);

/// <summary>
/// Turns one Alertmanager delivery into issue changes: settings, index, decide, apply, remember.
/// Deliveries of one incident must come here one at a time (the inbox sees to that).
/// </summary>
public sealed partial class AlertDeliveryHandler(
    RepoSettingsCache settingsCache,
    IncidentIndexRebuilder rebuilder,
    IIncidentIndex index,
    IncidentExecutor executor,
    TimeProvider time,
    ILogger<AlertDeliveryHandler> logger)
{
    public async Task<DeliveryOutcome> HandleAsync(RepoRef repo, AlertmanagerPayload payload, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync(repo, cancellationToken);
        var key = IncidentKey.Derive(repo, payload, settings.Config.IncidentKeyLabels);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["IncidentKey"] = key });

        await rebuilder.EnsureIndexedAsync(repo, settings.Config, cancellationToken);
        var indexed = await index.FindAsync(repo, key, cancellationToken);
        var state = indexed is null ? null : IncidentState.FromJson(indexed.StateJson);
        var known = state is null ? null : new KnownIncident(state, indexed!.IssueNumber);

        var context = new IncidentContext
        {
            Repo = repo,
            Key = key,
            Config = settings.Config,
            Renderer = settings.Renderer,
            Now = time.GetUtcNow(),
            Problems = settings.Problems,
        };
        var decision = IncidentDecider.Decide(known, payload, context);
        if (decision.Operations.Count == 0 || decision.State is null)
        {
            LogUnchanged(repo.ToString(), known?.IssueNumber);
            return new DeliveryOutcome(key, known?.IssueNumber, 0);
        }

        // A new issue after the reopen window replaces the old one in the index.
        var reopensOld = known is not null && decision.Operations.Any(op => op is CreateIssue);
        var issue = reopensOld || known is null ? null : new IncidentIssue(known.IssueNumber, indexed!.Labels);
        var applied = await executor.ApplyAsync(repo, issue, decision.Operations, cancellationToken)
            ?? throw new InvalidOperationException("Applying the operations left the incident without an issue.");

        await index.UpsertAsync(new IndexedIncident
        {
            Repo = repo,
            Key = key,
            IssueNumber = applied.Number,
            StateJson = decision.State.ToJson(),
            Labels = applied.Labels,
            UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);

        LogApplied(repo.ToString(), applied.Number, decision.State.Status, decision.Operations.Count);
        return new DeliveryOutcome(key, applied.Number, decision.Operations.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing changed for the incident in {Repo} (issue {IssueNumber}); no GitHub call")]
    private partial void LogUnchanged(string repo, int? issueNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident in {Repo} issue {IssueNumber} is {Status}; applied {Operations} operation(s)")]
    private partial void LogApplied(string repo, int issueNumber, string status, int operations);
}
