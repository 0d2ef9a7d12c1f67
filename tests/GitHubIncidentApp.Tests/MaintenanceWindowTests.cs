using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>An incident that opens during a maintenance window, through the running app on a clock the test moves.</summary>
public sealed class MaintenanceWindowTests : ScheduleTestBase
{
    // 09:30-11:00 in Berlin, around the clock's start (10:00).
    protected override string ExtraConfig => """

        maintenance:
          - { matchers: ['namespace="opf-jupyterhub"'], from: 2026-11-23T09:30, to: 2026-11-23T11:00 }
        """;

    [Fact]
    public async Task The_incident_is_labelled_names_the_window_and_escalates_only_once_the_window_ends()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.Contains("maintenance", Incident.Labels);
        var label = Assert.Single(Repo.Labels, l => l.Name == "maintenance");
        Assert.Equal("c5def5", label.Color);
        Assert.Contains("{namespace=\"opf-jupyterhub\"} 2026-11-23 08:30–2026-11-23 10:00 UTC, this time until 2026-11-23 10:00 UTC", Incident.Body, StringComparison.Ordinal);
        Assert.Equal(["bob"], Incident.Assignees);

        // Past the policy's first wait (15 minutes) and its second: nobody is paged during the window.
        await AdvanceAsync(TimeSpan.FromMinutes(20));
        await AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Empty(Escalations);

        // The window ends at 10:00 UTC with the alerts still firing and nobody on it: escalation starts from its first step.
        await AdvanceAsync(TimeSpan.FromMinutes(20));
        await EventuallyAsync(() => Escalations.Count > 0);
        Assert.Contains("step 1 of 3", Assert.Single(Escalations).Body, StringComparison.Ordinal);
    }
}
