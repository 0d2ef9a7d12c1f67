using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The workflow's event file made into the inbox item the core's dispatcher takes, as the App makes a webhook or an
/// Alertmanager delivery into one on arrival: a comment or issue event as it is, a dispatch's relayed Alertmanager
/// payload for its target repository. What is wrong with the file is said for the workflow's author.
/// </summary>
public static class WorkflowEvent
{
    private const string RunnerWritesIt = "The runner writes this file; when running by hand, point GITHUB_EVENT_PATH at a payload GitHub sent.";

    /// <param name="deliveryId">The workflow run's, for the item.</param>
    /// <returns>The item, or why the event asks for nothing.</returns>
    /// <exception cref="ActionFailedException">The event file is missing or unusable.</exception>
    public static async Task<(InboxItem? Item, string? NothingToDo)> ReadAsync(
        ActionSettings settings, IIncidentIndex index, string deliveryId, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        if (settings.EventPath is null || !File.Exists(settings.EventPath))
        {
            throw new ActionFailedException($"The event file '{settings.EventPath}' does not exist: the runner sets GITHUB_EVENT_PATH; when running by hand, point it at a '{settings.EventName}' payload.");
        }

        var json = await File.ReadAllTextAsync(settings.EventPath, cancellationToken);
        return settings.Mode == ActionMode.Commands
            ? await GitHubEventAsync(settings, json, index, deliveryId, time.GetUtcNow(), cancellationToken)
            : Alerts(settings, json, time.GetUtcNow());
    }

    private static async Task<(InboxItem?, string?)> GitHubEventAsync(
        ActionSettings settings, string json, IIncidentIndex index, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parsed = GitHubEventParser.Parse(settings.EventName, json, deliveryId);
        if (parsed.Error is not null)
        {
            throw new ActionFailedException($"The event file {settings.EventPath} is not a usable '{settings.EventName}' payload: {parsed.Error}. {RunnerWritesIt}");
        }

        return parsed.Event is null
            ? (null, parsed.IgnoredReason)
            : (await InboxItems.ForGitHubEventAsync(index, settings.EventName, deliveryId, parsed.Event, json, now, cancellationToken), null);
    }

    private static (InboxItem?, string?) Alerts(ActionSettings settings, string json, DateTimeOffset now)
    {
        (byte[]? Json, string? Problem, bool Ignored) found;
        try
        {
            using var document = JsonDocument.Parse(json);
            found = DispatchPayload.Find(settings.EventName, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ActionFailedException($"The event file {settings.EventPath} is not valid JSON: {e.Message}. {RunnerWritesIt}");
        }

        if (found.Ignored)
        {
            return (null, found.Problem);
        }

        if (found.Json is null)
        {
            throw new ActionFailedException($"No Alertmanager payload: {found.Problem}.");
        }

        var parsed = AlertmanagerPayloadParser.Parse(found.Json);
        if (parsed.Payload is null)
        {
            throw new ActionFailedException($"The Alertmanager payload is not valid: {string.Join("; ", parsed.Errors)}. Relay the webhook body unchanged.");
        }

        var (repo, problem, _) = TargetRepository.Resolve(parsed.Payload, fromUrl: null, defaultRepo: settings.Repository);
        return repo is not null
            ? (InboxItems.ForAlerts(repo, parsed.Payload, Encoding.UTF8.GetString(found.Json), now), null)
            : throw new ActionFailedException($"No target repository: {problem}.");
    }
}
