using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using TimeTick = GitHubIncidentApp.Core.Incidents.Decisions.Tick;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// One alert group driven through the deciders as the handlers drive it, on a clock the test moves: firing and resolved
/// deliveries timed by the alerts, and the clock's ticks firing whatever timed step is due.
/// </summary>
internal sealed class FlappingGroup(IncidentConfig config)
{
    public DateTimeOffset Now { get; private set; } = TestIncidents.Now;

    public KnownIncident? Known { get; private set; }

    public IncidentState State => Known!.State;

    public static IncidentConfig Config(TimeSpan? delay = null, int threshold = 3, bool enabled = true) => IncidentConfig.Default with
    {
        Resolve = new ResolveConfig { Delay = delay ?? TimeSpan.Zero },
        Flapping = new FlappingConfig { Threshold = threshold, Window = TimeSpan.FromHours(1), Enabled = enabled },
    };

    /// <summary>The alert fires (again) <paramref name="after"/> from now, as Alertmanager tells it.</summary>
    public IncidentDecision Fire(TimeSpan after = default)
    {
        Now += after;
        var payload = Payload("firing-critical");
        return Apply(IncidentDecider.Decide(Known, payload with { Alerts = [.. payload.Alerts.Select(a => a with { StartsAt = Now })] }, Context()));
    }

    /// <summary>The alert resolves <paramref name="after"/> from now.</summary>
    public IncidentDecision Resolve(TimeSpan after = default)
    {
        Now += after;
        var payload = Payload("resolved");
        var startedAt = State.StartedAt;
        return Apply(IncidentDecider.Decide(Known, payload with { Alerts = [.. payload.Alerts.Select(a => a with { StartsAt = startedAt, EndsAt = Now })] }, Context()));
    }

    /// <summary>The clock ticks <paramref name="after"/> from now: the held-down resolution, then the end of a quiet flapping.</summary>
    public IReadOnlyList<IncidentDecision> Tick(TimeSpan after = default)
    {
        Now += after;
        return [Apply(ResolveHoldDown.Decide(Known!, TimeTick.Instance, Context())), Apply(FlapDecider.Decide(Known!, TimeTick.Instance, Context()))];
    }

    /// <summary>A flap: resolved, then firing again a minute later; returns the firing delivery's decision.</summary>
    public IncidentDecision Flap()
    {
        Resolve(TimeSpan.FromMinutes(1));
        return Fire(TimeSpan.FromMinutes(1));
    }

    public IncidentContext Context() => TestIncidents.Context(config, Now);

    public IncidentDecision Apply(IncidentDecision decision)
    {
        if (decision.State is { } state)
        {
            Known = new KnownIncident(state, 12);
        }

        return decision;
    }

    private static AlertmanagerPayload Payload(string fixture) =>
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager(fixture))).Payload!;
}
