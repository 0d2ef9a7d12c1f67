using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>Counts flaps and groups found flapping, on the core's meter, from what each alert delivery changed.</summary>
public sealed class FlapMetrics(DeliveryMetrics metrics)
{
    public DeclaredCounter Flaps { get; } = new(metrics.Meter, "incident_app_flaps",
        "Alert groups that fired again soon after resolving: an issue reopened within the reopen window, or a held-down resolution cancelled.", [], [[]]);

    public DeclaredCounter FlappingStarted { get; } = new(metrics.Meter, "incident_app_flapping_started",
        "Alert groups found flapping (more flaps within the flapping window than its threshold): labelled and commented on once.", [], [[]]);

    /// <summary>Counts what the change from <paramref name="before"/> to <paramref name="after"/> says happened.</summary>
    public void Observe(IncidentState? before, IncidentState after)
    {
        if (after.Flaps is not { } flaps || flaps.Total <= (before?.Flaps?.Total ?? 0))
        {
            return;
        }

        Flaps.Increment();
        if (flaps.IsFlapping && before?.Flaps?.IsFlapping != true)
        {
            FlappingStarted.Increment();
        }
    }
}
