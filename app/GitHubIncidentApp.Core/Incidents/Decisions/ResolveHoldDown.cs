using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The resolve hold-down (<c>resolve.delay</c>, and a flapping group settling): a resolved delivery does not resolve the
/// issue at once but waits. Firing again within the wait cancels it without a word on the issue (the issue never showed
/// it resolved) and counts as a flap; the wait running out resolves the issue exactly as a prompt resolution would, with
/// the time the alerts ended. While it waits nobody is paged: the alerts have resolved.
/// </summary>
public static class ResolveHoldDown
{
    /// <summary>
    /// How long a resolution of this incident waits. A flapping group must stay resolved for a whole flapping window, so
    /// its issue closes once, when the flapping is over, not at the first lull.
    /// </summary>
    public static TimeSpan DelayFor(IncidentState state, IncidentConfig config) =>
        state.Flaps?.IsFlapping == true && config.Flapping.Window > config.Resolve.Delay ? config.Flapping.Window : config.Resolve.Delay;

    /// <summary>A resolved delivery of a firing incident: resolved now, or held down.</summary>
    internal static IncidentDecision Resolved(KnownIncident known, AlertmanagerPayload payload, IncidentContext context)
    {
        var delay = DelayFor(known.State, context.Config);
        if (delay <= TimeSpan.Zero)
        {
            return IncidentDecider.Resolve(known, payload, context);
        }

        var at = IncidentDecider.EndedAt(payload, known.State.StartedAt, context.Now);
        var state = known.State with { Firing = [], Truncated = 0, Resolving = new PendingResolve(at, at + delay, known.State.Firing) };
        return new IncidentDecision([new SaveStateInMarker()], state);
    }

    /// <summary>A delivery while a resolution is held down: a repeated resolution changes nothing, firing again is a flap.</summary>
    internal static IncidentDecision WhilePending(KnownIncident known, PendingResolve pending, AlertmanagerPayload payload, IncidentContext context)
    {
        if (payload.IsResolved)
        {
            return IncidentDecision.Nothing;
        }

        // Followed from the alerts that fired before the lull, as the issue still shows them: the same alerts change nothing on it.
        var resumed = known with { State = known.State with { Resolving = null, Firing = pending.Fired } };
        return FlapDecider.Flapped(resumed.State, IncidentDecider.Update(resumed, payload, context), context);
    }

    /// <summary>The clock's tick: once the wait ran out, the issue resolves as it would have when the alerts ended.</summary>
    public static IncidentDecision Decide(KnownIncident known, Tick tick, IncidentContext context)
    {
        if (known.State is not { ResolveDueAt: { } due, Resolving: { } pending } || due > context.Now)
        {
            return IncidentDecision.Nothing;
        }

        var before = known.State with { Resolving = null, Firing = pending.Fired };
        // The resolved delivery Alertmanager sent, as the marker remembers it: the fingerprints that fired, ended when they did.
        var payload = ReconciliationPlan.Resolved(before, new ReconcileScope { DefaultRepo = context.Repo, ExternalUrl = "" }, pending.At);
        return FlapDecider.Settled(before, IncidentDecider.Resolve(known with { State = before }, payload, context), context);
    }
}
