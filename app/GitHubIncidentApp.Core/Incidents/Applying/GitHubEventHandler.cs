using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Applies what happened on GitHub: slash commands in comments, people's changes to incident issues,
/// and installations coming and going. Shared by the App (webhooks) and the Action (workflow events).
/// </summary>
public sealed partial class GitHubEventHandler(
    RepoSettingsCache settingsCache,
    IncidentStore store,
    PermissionCache permissions,
    TimedStepHandler timedSteps,
    StormLedger storms,
    SilenceApplier silences,
    IBotIdentity bot,
    TimeProvider time,
    ILogger<GitHubEventHandler> logger,
    IInstallationCache? installations = null,
    PostmortemMetrics? postmortems = null)
{
    public Task HandleAsync(GitHubEvent gitHubEvent, CancellationToken cancellationToken) => gitHubEvent switch
    {
        // Bots' comments and changes, the app's own among them, never run commands and are never followed.
        IssueCommentEvent or IssueChangeEvent when gitHubEvent.Sender.IsBot => Task.CompletedTask,
        IssueCommentEvent comment => HandleCommentThenSplitAsync(comment, cancellationToken),
        IssueChangeEvent change => HandleChangeAsync(change, cancellationToken),
        InstallationEvent installation => HandleInstallation(installation),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// Whether the app itself sent it: its login, a user's where it writes with a token (the App's token mode, the
    /// Action with another token), which <see cref="GitHubActor.IsBot"/> does not tell. Its own labels and replies
    /// must not pin a severity or run a command.
    /// </summary>
    private async Task<bool> IsOwnAsync(GitHubActor sender, CancellationToken cancellationToken) =>
        string.Equals(sender.Login, await bot.GetLoginAsync(cancellationToken), StringComparison.OrdinalIgnoreCase);

    private async Task HandleChangeAsync(IssueChangeEvent change, CancellationToken cancellationToken)
    {
        if (await IsOwnAsync(change.Sender, cancellationToken))
        {
            return;
        }

        var settings = await settingsCache.GetAsync(change.Repo, cancellationToken);
        if (await store.FindByIssueLockedAsync(change.Repo, change.Issue, settings.Config, cancellationToken) is not { } locked)
        {
            return;
        }

        await using var held = locked.Held;
        var incident = locked.Incident;

        var context = IncidentContext.For(change.Repo, incident.Key, settings, time.GetUtcNow());
        var decision = SeverityFieldDecider.Decide(PinDecider.Decide(IssueEventDecider.Decide(incident.Known, change, context), context), incident.State, context);
        if (decision.State is not null)
        {
            await store.ApplyAsync(change.Repo, incident.Key, incident.Issue, decision, cancellationToken);
            postmortems?.ObserveWritten(incident.State, decision.State, PostmortemMetrics.ViaLabel);
            LogFollowed(change.Repo.ToString(), change.Issue.Number, change.Action, change.Sender.Login);
        }
    }

    // `/split` opens a storm group's issue under the group's lock, which comes before the storm's: after the comment's lock is let go.
    private async Task HandleCommentThenSplitAsync(IssueCommentEvent comment, CancellationToken cancellationToken)
    {
        if (await HandleCommentAsync(comment, cancellationToken) is { Splits.Count: > 0 } done)
        {
            foreach (var key in done.Splits)
            {
                await storms.SplitAsync(comment.Repo, key, comment.Issue.Number, done.Context, cancellationToken);
            }
        }
    }

    private async Task<(IReadOnlyList<string> Splits, IncidentContext Context)?> HandleCommentAsync(IssueCommentEvent comment, CancellationToken cancellationToken)
    {
        var commands = CommandParser.Parse(comment.Body);
        if (commands.Count == 0 || await IsOwnAsync(comment.Sender, cancellationToken))
        {
            return null;
        }

        var settings = await settingsCache.GetAsync(comment.Repo, cancellationToken);
        if (comment.Action == "edited" && !settings.Config.RunEditedComments)
        {
            return null;
        }

        if (await store.FindByIssueLockedAsync(comment.Repo, comment.Issue, settings.Config, cancellationToken) is not { } locked)
        {
            return null;
        }

        await using var held = locked.Held;
        var incident = locked.Incident;

        var repo = comment.Repo;
        var seen = await store.ApplyAsync(repo, incident.Key, incident.Issue, new IncidentDecision(CommandDecider.Seen(comment), incident.State), cancellationToken);
        var permission = await permissions.GetAsync(repo, comment.Sender.Login, cancellationToken);
        var context = IncidentContext.For(repo, incident.Key, settings, time.GetUtcNow()) with { SilencesOff = silences.Off };
        var decision = CommandDecider.Decide(incident.Known, new CommentCommands(comment, commands, permission), context);
        if (decision.Silence is { } plan)
        {
            // Alertmanager first: a new silence's id goes into the marker and the reply.
            decision = CommandDecider.Settle(decision, await silences.ApplyAsync(plan, cancellationToken), incident.State);
        }

        var changes = SeverityFieldDecider.Decide(PinDecider.Decide(new IncidentDecision(decision.Operations, decision.State), context), incident.State, context);
        var applied = await store.ApplyAsync(repo, incident.Key, seen, changes, cancellationToken);
        postmortems?.ObserveWritten(incident.State, changes.State, PostmortemMetrics.ViaCommand);
        if (decision.Operations.Any(op => op is WriteOverrideLedger))
        {
            // Whoever is on call changed: the next resolution must read the ledger again.
            await settingsCache.ForgetAsync(repo, cancellationToken);
        }

        var replied = await store.ApplyAsync(repo, incident.Key, applied, new IncidentDecision(CommandDecider.Reply(decision, applied.Assignees), changes.State), cancellationToken);
        LogCommands(repo.ToString(), comment.Issue.Number, comment.Sender.Login, decision.Outcomes.Count, decision.AllSucceeded);

        // `/escalate`, `/unack` and `/reopen` make a step due now: page without waiting for the clock.
        await timedSteps.FireDueAsync(repo, incident with { State = changes.State!, Issue = replied }, settings, cancellationToken);
        return (decision.Splits, context);
    }

    private Task HandleInstallation(InstallationEvent installation)
    {
        switch (installation.Action)
        {
            case "created" or "unsuspend" or "added":
                installations?.RememberInstallation(installation.Account, installation.InstallationId);
                break;
            case "deleted" or "suspend":
                installations?.ForgetInstallation(installation.Account);
                break;
        }

        LogInstallation(installation.Action, installation.Account, installation.InstallationId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Followed {Action} by {Login} on {Repo} issue {IssueNumber}")]
    private partial void LogFollowed(string repo, int issueNumber, string action, string login);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran {Commands} command(s) from {Login} on {Repo} issue {IssueNumber}; all succeeded: {Succeeded}")]
    private partial void LogCommands(string repo, int issueNumber, string login, int commands, bool succeeded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Installation {InstallationId} on {Account}: {Action}")]
    private partial void LogInstallation(string action, string account, long installationId);
}
