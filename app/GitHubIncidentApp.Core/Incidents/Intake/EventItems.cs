using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>What is wrong with an event; the host says it in its own words, with <see cref="EventIntake.Detail"/>.</summary>
public enum EventFault
{
    /// <summary>Not a usable payload of the GitHub event it is said to be.</summary>
    NotTheEvent,

    /// <summary>A dispatch event that is not JSON.</summary>
    NotJson,

    /// <summary>A dispatch event that carries no Alertmanager payload.</summary>
    NoPayload,

    /// <summary>What the dispatch carries is not an Alertmanager webhook body.</summary>
    InvalidPayload,

    /// <summary>The alerts name no repository and there is no default.</summary>
    NoTargetRepo,
}

/// <summary>An event made into an inbox item; or, without one, why it asks for nothing or what is wrong with it.</summary>
public sealed record EventIntake(InboxItem? Item, string? NothingToDo = null, EventFault? Fault = null, string? Detail = null);

/// <summary>
/// A GitHub event, or an Alertmanager payload relayed by a dispatch event (<see cref="DispatchPayload"/>), made into
/// the inbox item the dispatcher takes, for a host that gets the event whole instead of as a webhook delivery (the
/// Action's event file); the items are those <see cref="InboxItems"/> makes for the App's deliveries.
/// </summary>
public static class EventItems
{
    /// <param name="deliveryId">The item's; a host without GitHub's delivery id names its run.</param>
    public static async Task<EventIntake> ForGitHubEventAsync(
        IIncidentIndex index, string eventName, string json, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parsed = GitHubEventParser.Parse(eventName, json, deliveryId);
        return parsed.Error is { } error ? new EventIntake(null, Fault: EventFault.NotTheEvent, Detail: error)
            : parsed.Event is null ? new EventIntake(null, parsed.IgnoredReason)
            : new EventIntake(await InboxItems.ForGitHubEventAsync(index, eventName, deliveryId, parsed.Event, json, now, cancellationToken));
    }

    /// <param name="defaultRepo">Where the incident goes when its alerts name no repository: the one the event is in.</param>
    public static EventIntake ForDispatch(string eventName, string json, RepoRef defaultRepo, DateTimeOffset now)
    {
        (byte[]? Json, string? Problem, bool Ignored) found;
        try
        {
            using var document = JsonDocument.Parse(json);
            found = DispatchPayload.Find(eventName, document.RootElement);
        }
        catch (JsonException e)
        {
            return new EventIntake(null, Fault: EventFault.NotJson, Detail: e.Message);
        }

        if (found.Json is null)
        {
            return found.Ignored ? new EventIntake(null, found.Problem) : new EventIntake(null, Fault: EventFault.NoPayload, Detail: found.Problem);
        }

        var parsed = AlertmanagerPayloadParser.Parse(found.Json);
        if (parsed.Payload is null)
        {
            return new EventIntake(null, Fault: EventFault.InvalidPayload, Detail: string.Join("; ", parsed.Errors));
        }

        var (repo, problem, _) = TargetRepository.Resolve(parsed.Payload, fromUrl: null, defaultRepo);
        return repo is null
            ? new EventIntake(null, Fault: EventFault.NoTargetRepo, Detail: problem)
            : new EventIntake(InboxItems.ForAlerts(repo, parsed.Payload, Encoding.UTF8.GetString(found.Json), now));
    }
}
