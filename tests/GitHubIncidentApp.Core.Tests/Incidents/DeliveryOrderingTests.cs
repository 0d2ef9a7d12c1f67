using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class DeliveryOrderingTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly AlertmanagerPayload Critical =
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))).Payload!;

    private static AlertmanagerPayload WithSeverity(string severity) => Critical with
    {
        Alerts = [.. Critical.Alerts.Select(alert => alert with { Labels = new Dictionary<string, string>(alert.Labels) { ["severity"] = severity } })],
    };

    [Fact]
    public void Firing_groups_go_by_their_worst_severity_and_all_before_resolved_ones()
    {
        var resolved = Critical with { Status = AlertStatus.Resolved, Alerts = [.. Critical.Alerts.Select(a => a with { Status = AlertStatus.Resolved })] };
        var mixed = Critical with { Alerts = [.. WithSeverity("info").Alerts, .. Critical.Alerts] };

        var priorities = new[] { "info", "warning", "critical" }.Select(s => DeliveryOrdering.ForAlertPriority(WithSeverity(s))).ToList();

        Assert.Equal(priorities.Order(), priorities);
        Assert.Equal(priorities.Count, priorities.Distinct().Count());
        Assert.Equal(0, DeliveryOrdering.ForAlertPriority(resolved));
        Assert.True(priorities[0] > 0);
        Assert.Equal(DeliveryOrdering.ForAlertPriority(Critical), DeliveryOrdering.ForAlertPriority(mixed));
        Assert.Equal(priorities[^1], DeliveryOrdering.ForAlertPriority(WithSeverity("page")));
        Assert.True(DeliveryOrdering.TimedStepPriority > priorities[^1]);
        Assert.True(DeliveryOrdering.GitHubEventPriority > DeliveryOrdering.TimedStepPriority);
    }

    [Fact]
    public async Task Events_of_an_incident_issue_queue_with_its_alerts_and_other_issues_get_a_key_each()
    {
        var index = new InMemoryIncidentIndex();
        var alertKey = DeliveryOrdering.ForAlerts(Repo, Critical);
        await index.UpsertAsync(new IndexedIncident
        {
            Repo = Repo,
            Key = IncidentKey.Derive(Repo, Critical, []),
            IssueNumber = 7,
            StateJson = "{}",
            Labels = [],
            UpdatedAt = DateTimeOffset.UnixEpoch,
        }, CancellationToken.None);

        Assert.Equal(alertKey, await DeliveryOrdering.ForIssueAsync(index, Repo, 7, CancellationToken.None));
        Assert.Equal("operate-first/incidents#8", await DeliveryOrdering.ForIssueAsync(index, new RepoRef("Operate-First", "Incidents"), 8, CancellationToken.None));
    }
}
