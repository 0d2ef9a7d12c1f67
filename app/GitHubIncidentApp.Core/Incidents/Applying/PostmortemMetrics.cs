using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>Counts post-mortems and reminders of missing ones, on the core's meter, from what a decision changed in the state.</summary>
public sealed class PostmortemMetrics(DeliveryMetrics metrics)
{
    /// <summary>How a post-mortem is learned of: <c>/postmortem</c> posting the draft, or a person adding the label.</summary>
    public const string ViaCommand = "command";
    public const string ViaLabel = "label";

    public DeclaredCounter Postmortems { get; } = new(metrics.Meter, "incident_app_postmortems",
        "Incidents whose post-mortem the app learned of, once each, by via: command (/postmortem posted the draft) or label (a person added the post-mortem label).",
        ["via"], [[ViaCommand], [ViaLabel]]);

    public DeclaredCounter Reminders { get; } = new(metrics.Meter, "incident_app_postmortem_reminders",
        "Reminder comments on resolved incidents still waiting for their post-mortem (postmortem.remind_every).", [], [[]]);

    /// <summary>Counts a post-mortem when <paramref name="after"/> has one that <paramref name="before"/> had not.</summary>
    public void ObserveWritten(IncidentState before, IncidentState? after, string via)
    {
        if (before.PostmortemAt is null && after?.PostmortemAt is not null)
        {
            Postmortems.Increment(via);
        }
    }

    /// <summary>Counts a reminder: only a reminder moves a planned one later (waiting starts, and ends, with none planned).</summary>
    public void ObserveReminder(IncidentState before, IncidentState? after)
    {
        if (before.PostmortemRemindAt is { } planned && after?.PostmortemRemindAt is { } next && next > planned)
        {
            Reminders.Increment();
        }
    }
}
