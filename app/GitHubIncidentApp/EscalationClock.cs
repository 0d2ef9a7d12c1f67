using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>Enqueues the timed steps come due (escalations, acknowledgement timeouts) on every tick (see <see cref="TimedStepIntake"/>).</summary>
public sealed class EscalationClock(TimedStepIntake steps, TimeProvider time, ILogger<EscalationClock> logger) : PassClock(Tick, time, logger)
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    protected override string Work => "look for due escalations";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => steps.EnqueueDueAsync(cancellationToken);
}
