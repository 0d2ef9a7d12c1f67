using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Incidents.Settings;

namespace GitHubIncidentApp.Action;

/// <summary>
/// One run of the Action: makes the workflow's event into inbox items for the core's dispatcher, then reports. Exits 0
/// unless the run failed (bad environment or event file, GitHub refusing a call, Alertmanager not answering).
/// </summary>
public static class ActionRunner
{
    public const int Failure = 1;

    private const string GitHubHint =
        "With the Action, check the workflow's 'permissions:' (issues: write; contents: read to read the config) and that the token input may write to this repository.";

    public static async Task<int> RunAsync(Func<string, string?> environment, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var commands = new WorkflowCommands(output);
        var (settings, problems) = ActionSettings.Load(environment);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                commands.Error(problem);
            }

            return Failure;
        }

        if (settings.AlertmanagerUrl is not null && settings.Mode != ActionMode.Schedule)
        {
            commands.Notice($"{ActionInputs.AlertmanagerUrl} is only used by scheduled runs (mode {ActionModes.Name(ActionMode.Schedule)}); this {ActionModes.Name(settings.Mode)} run does not reconcile with Alertmanager.");
        }

        if (settings.DryRun && settings.Token is null)
        {
            commands.Notice($"Dry run without a token: nothing is read from GitHub either (no config file, no existing incident issues), so every incident looks new. Pass the {ActionInputs.Token} input to have the dry run read them.");
        }

        using var loggers = new WorkflowLoggerFactory(commands);
        using var services = new ActionServices(settings, loggers, time);
        var deliveryId = $"workflow-run-{environment("GITHUB_RUN_ID") ?? "local"}";
        string outcome;
        var failed = false;
        commands.Group($"Incidents: {settings.EventName} ({ActionModes.Name(settings.Mode)}) in {settings.Repository}");
        try
        {
            var repoSettings = await services.Settings.GetAsync(settings.Repository, cancellationToken);
            ReportConfigProblems(commands, repoSettings.Problems, settings.Repository);
            outcome = settings.Mode == ActionMode.Schedule
                ? await RunScheduleAsync(settings, repoSettings, services, commands, time, cancellationToken)
                : await HandleEventAsync(settings, services, deliveryId, time, cancellationToken);
        }
        catch (ActionFailedException e)
        {
            (outcome, failed) = (e.Message, true);
        }
        catch (Exception e) when (e is GitHubApiException or GitHubAppNotInstalledException or GitHubUnavailableException or HttpRequestException)
        {
            (outcome, failed) = ($"A GitHub call failed: {e.Message} {GitHubHint}", true);
        }
        finally
        {
            commands.EndGroup();
        }

        if (failed)
        {
            commands.Error(outcome);
        }
        else
        {
            commands.Info(outcome);
        }

        var report = new ActionReport { Settings = settings, Outcome = outcome, Writes = services.GitHub.Writes, Failed = failed };
        report.WriteOutputs();
        report.WriteSummary();
        return failed ? Failure : 0;
    }

    private static async Task<string> HandleEventAsync(ActionSettings settings, ActionServices services, string deliveryId, TimeProvider time, CancellationToken cancellationToken)
    {
        var (item, nothingToDo) = await WorkflowEvent.ReadAsync(settings, services.Index, deliveryId, time, cancellationToken);
        if (item is null)
        {
            return $"Nothing to do: {nothingToDo}.";
        }

        // No retry flag: the in-memory index is rebuilt from GitHub on every run, so an issue a failed
        // earlier run opened is already found.
        return await services.Dispatcher.DispatchAsync(item, retried: false, cancellationToken) switch
        {
            { Ignored: { } reason } => $"Nothing to do: {reason}.",
            { Alerts: { IssueNumber: { } number } delivered } => $"Incident '{delivered.Key}' is {item.Repo}#{number}{(delivered.Operations == 0 ? ", unchanged" : "")}.",
            { Alerts: { } delivered } => $"Incident '{delivered.Key}': nothing to do.",
            _ => $"Handled the '{settings.EventName}' event.",
        };
    }

    // Alertmanager is read before anything is written: if it cannot be read, the run fails having changed nothing.
    private static async Task<string> RunScheduleAsync(ActionSettings settings, RepoSettings repoSettings, ActionServices services, WorkflowCommands commands, TimeProvider time, CancellationToken cancellationToken)
    {
        if (services.Alertmanager is not { } alertmanager)
        {
            return await FireDueStepsAsync(settings, repoSettings, services, time, cancellationToken);
        }

        IReadOnlyList<AlertGroup> groups;
        try
        {
            groups = await alertmanager.GetAlertGroupsAsync(cancellationToken);
        }
        catch (AlertmanagerUnavailableException e)
        {
            throw new ActionFailedException($"{e.Message} Nothing was changed: no incident opened or resolved, no escalation step fired. Check the {ActionInputs.AlertmanagerUrl} input, or remove it to only fire escalation steps.");
        }

        var scope = new ReconcileScope { DefaultRepo = settings.Repository, Receiver = settings.AlertmanagerReceiver, ExternalUrl = alertmanager.ExternalUrl };
        var reconciled = await services.Reconciler.ReconcileAsync(groups, scope, cancellationToken);
        foreach (var problem in reconciled.Problems)
        {
            commands.Warning(problem);
        }

        var fired = await FireDueStepsAsync(settings, repoSettings, services, time, cancellationToken);
        return $"{Describe(reconciled, groups.Count, settings.AlertmanagerReceiver)} {fired}";
    }

    private static string Describe(ReconcileOutcome outcome, int groups, string? receiver)
    {
        var changed = outcome.Delivered.Where(d => d.Operations > 0).Select(d => d.IssueNumber is { } number ? $"#{number}" : d.Key).ToList();
        return $"Alertmanager lists {groups} alert group(s){(receiver is null ? "" : $" (incidents from receiver '{receiver}' only)")}: "
            + $"{outcome.Delivered.Count} incident(s) with active alerts, {changed.Count} changed{(changed.Count > 0 ? $" ({string.Join(", ", changed)})" : "")}; "
            + $"{outcome.Resolved.Count} resolved because their alerts are gone{(outcome.Resolved.Count > 0 ? $" ({string.Join(", ", outcome.Resolved.Select(r => $"#{r.Issue}"))})" : "")}.";
    }

    private static async Task<string> FireDueStepsAsync(ActionSettings settings, RepoSettings repoSettings, ActionServices services, TimeProvider time, CancellationToken cancellationToken)
    {
        await services.Rebuilder.EnsureIndexedAsync(settings.Repository, repoSettings.Config, cancellationToken);
        var due = await services.Index.FindDueAsync(time.GetUtcNow(), int.MaxValue, cancellationToken);
        foreach (var incident in due)
        {
            await services.Dispatcher.DispatchAsync(InboxItems.ForTimedStep(incident, time.GetUtcNow()), retried: false, cancellationToken);
        }

        return due.Count == 0
            ? "No incident has a step due."
            : $"Fired the due step of {due.Count} incident(s): {string.Join(", ", due.Select(i => $"#{i.IssueNumber}"))}.";
    }

    // A problem in a file of this repository becomes an annotation on it; one in another repository's base names it in the message.
    private static void ReportConfigProblems(WorkflowCommands commands, IReadOnlyList<ConfigProblem> problems, RepoRef repository)
    {
        foreach (var problem in problems)
        {
            var (message, file) = problem.IsIn(repository) ? (problem.Message, problem.Path) : (problem.ToString(), null);
            if (problem.Severity == ConfigSeverity.Warning)
            {
                commands.Warning(message, file, problem.Line, problem.Column);
            }
            else
            {
                commands.Error(message, file, problem.Line, problem.Column);
            }
        }
    }
}
