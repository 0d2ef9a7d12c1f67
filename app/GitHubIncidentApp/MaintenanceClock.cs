using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>Runs the maintenance sync (see <see cref="MaintenancePass"/>): a pass at start and every interval, and changed windows as they are seen.</summary>
public sealed class MaintenanceClock(MaintenancePass pass, TimeProvider time, ILogger<MaintenanceClock> logger) : PassClock(MaintenancePass.Interval, time, logger)
{
    protected override string Work => "sync the maintenance silences";

    protected override bool IsOn => pass.IsOn;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => pass.RunAsync(cancellationToken);

    protected override async Task WaitForNextAsync(Task next, CancellationToken cancellationToken)
    {
        while (!next.IsCompleted)
        {
            await Task.WhenAny(next, pass.WaitForChangesAsync(cancellationToken));
            await pass.SyncChangedAsync(cancellationToken);
        }

        await next;
    }
}
