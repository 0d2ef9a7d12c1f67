using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>Runs the report pass (see <see cref="ReportPass"/>): at start and every interval.</summary>
public sealed class ReportClock(ReportPass pass, TimeProvider time, ILogger<ReportClock> logger) : PassClock(ReportPass.Interval, time, logger)
{
    protected override string Work => "open the due incident reports";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => pass.RunAsync(cancellationToken);
}
