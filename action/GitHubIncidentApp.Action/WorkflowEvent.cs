using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The workflow's event file made into the inbox item the core's dispatcher takes (<see cref="EventItems"/>), as the App
/// makes a webhook or an Alertmanager delivery into one on arrival. What is wrong with it is said for the workflow's author.
/// </summary>
public static class WorkflowEvent
{
    private const string RunnerWritesIt = "The runner writes this file; when running by hand, point GITHUB_EVENT_PATH at a payload GitHub sent.";

    /// <param name="deliveryId">The workflow run's, for the item.</param>
    /// <returns>The item, or why the event asks for nothing.</returns>
    /// <exception cref="ActionFailedException">The event file is missing or unusable.</exception>
    public static async Task<EventIntake> ReadAsync(ActionSettings settings, IIncidentIndex index, string deliveryId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (settings.EventPath is null || !File.Exists(settings.EventPath))
        {
            throw new ActionFailedException($"The event file '{settings.EventPath}' does not exist: the runner sets GITHUB_EVENT_PATH; when running by hand, point it at a '{settings.EventName}' payload.");
        }

        var json = await File.ReadAllTextAsync(settings.EventPath, cancellationToken);
        var intake = settings.Mode == ActionMode.Commands
            ? await EventItems.ForGitHubEventAsync(index, settings.EventName, json, deliveryId, time.GetUtcNow(), cancellationToken)
            : EventItems.ForDispatch(settings.EventName, json, settings.Repository, time.GetUtcNow());
        return intake.Fault is not { } fault ? intake : throw new ActionFailedException(fault switch
        {
            EventFault.NotTheEvent => $"The event file {settings.EventPath} is not a usable '{settings.EventName}' payload: {intake.Detail}. {RunnerWritesIt}",
            EventFault.NotJson => $"The event file {settings.EventPath} is not valid JSON: {intake.Detail}. {RunnerWritesIt}",
            EventFault.NoPayload => $"No Alertmanager payload: {intake.Detail}.",
            EventFault.InvalidPayload => $"The Alertmanager payload is not valid: {intake.Detail}. Relay the webhook body unchanged.",
            _ => $"No target repository: {intake.Detail}.",
        });
    }
}
