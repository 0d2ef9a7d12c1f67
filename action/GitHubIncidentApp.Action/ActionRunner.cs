using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Action;

/// <summary>
/// One run of the Action: hands the workflow's event, or the scheduled pass, to the core, or checks the workspace's
/// config, then reports. Exits 0
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

        if (settings.Alertmanager is not null && settings.Mode is not (ActionMode.Schedule or ActionMode.Commands))
        {
            commands.Notice($"{ActionInputs.AlertmanagerUrl} is only used by scheduled runs (mode {ActionModes.Name(ActionMode.Schedule)}) and by /silence in commands runs; this {ActionModes.Name(settings.Mode)} run does not reach Alertmanager.");
        }

        if (settings.DryRun && settings.Token is null && settings.Mode != ActionMode.Validate)
        {
            commands.Notice($"Dry run without a token: nothing is read from GitHub either (no config file, no existing incident issues), so every incident looks new. Pass the {ActionInputs.Token} input to have the dry run read them.");
        }

        using var loggers = new WorkflowLoggerFactory(commands);
        using var services = ActionServices.Build(settings, loggers, time);
        string outcome;
        var failed = false;
        commands.Group($"Incidents: {settings.EventName} ({ActionModes.Name(settings.Mode)}) in {settings.Repository}");
        try
        {
            outcome = settings.Mode switch
            {
                ActionMode.Validate => await WorkspaceValidation.RunAsync(settings, commands, cancellationToken),
                ActionMode.Schedule => await RunScheduleAsync(settings, services, commands, cancellationToken),
                _ => await HandleEventAsync(settings, services, commands, $"workflow-run-{environment("GITHUB_RUN_ID") ?? "local"}", time, cancellationToken),
            };
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

        // The validate mode composes no GitHub port: it writes nothing.
        var writes = settings.Mode == ActionMode.Validate ? [] : ((RecordingGitHubPort)services.GetRequiredService<IGitHubPort>()).Writes;
        var report = new ActionReport { Settings = settings, Outcome = outcome, Writes = writes, Failed = failed };
        report.WriteOutputs();
        report.WriteSummary();
        return failed ? Failure : 0;
    }

    // The config as the run reads it from the default branch: its problems become annotations before anything is done.
    private static async Task AnnotateConfigAsync(ActionSettings settings, IServiceProvider services, WorkflowCommands commands, CancellationToken cancellationToken)
    {
        foreach (var problem in (await services.GetRequiredService<RepoSettingsCache>().GetAsync(settings.Repository, cancellationToken)).Problems)
        {
            commands.Annotate(problem, settings.Repository);
        }
    }

    private static async Task<string> HandleEventAsync(
        ActionSettings settings, IServiceProvider services, WorkflowCommands commands, string deliveryId, TimeProvider time, CancellationToken cancellationToken)
    {
        await AnnotateConfigAsync(settings, services, commands, cancellationToken);
        var intake = await WorkflowEvent.ReadAsync(settings, services.GetRequiredService<IIncidentIndex>(), deliveryId, time, cancellationToken);
        if (intake.Item is not { } item)
        {
            return $"Nothing to do: {intake.NothingToDo}.";
        }

        // No retry flag: the in-memory index is rebuilt from GitHub on every run, so an issue a failed
        // earlier run opened is already found.
        return await services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(item, retried: false, cancellationToken) switch
        {
            { Ignored: { } reason } => $"Nothing to do: {reason}.",
            { Alerts: { IssueNumber: { } number } delivered } => $"Incident '{delivered.Key}' is {item.Repo}#{number}{(delivered.Operations == 0 ? ", unchanged" : "")}.",
            { Alerts: { } delivered } => $"Incident '{delivered.Key}': nothing to do.",
            _ => $"Handled the '{settings.EventName}' event.",
        };
    }

    private static async Task<string> RunScheduleAsync(ActionSettings settings, IServiceProvider services, WorkflowCommands commands, CancellationToken cancellationToken)
    {
        await AnnotateConfigAsync(settings, services, commands, cancellationToken);
        using var http = settings.Alertmanager?.CreateClient();
        var alertmanager = settings.Alertmanager is { } endpoint ? new AlertmanagerApi(http!, endpoint.Url) : null;
        try
        {
            return await services.GetRequiredService<ScheduledPass>().RunAsync(settings.Repository, alertmanager, settings.AlertmanagerReceiver, commands.Warning, cancellationToken);
        }
        catch (AlertmanagerUnavailableException e)
        {
            throw new ActionFailedException($"{e.Message} Nothing was changed: no incident opened or resolved, no escalation step fired. Check the {ActionInputs.AlertmanagerUrl} input, or remove it to only fire escalation steps.");
        }
    }
}
