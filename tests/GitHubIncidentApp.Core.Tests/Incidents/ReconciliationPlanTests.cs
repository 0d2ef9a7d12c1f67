using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using static GitHubIncidentApp.Core.Tests.Alerts.AlertGroupPayloadTests;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class ReconciliationPlanTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly RepoRef Storage = new("operate-first", "storage");
    private static readonly ReconcileScope Scope = new() { DefaultRepo = Repo, ExternalUrl = "http://alertmanager:9093" };
    private static readonly Dictionary<string, string> DiskGroup = new() { ["alertname"] = "DiskFull" };

    private static Dictionary<string, string> Labels(string instance, string? repo = null)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = instance };
        if (repo is not null)
        {
            labels["repo"] = repo;
        }

        return labels;
    }

    private static ReconciliationPlan Plan(ReconcileScope scope, params AlertGroup[] groups) =>
        ReconciliationPlan.Build(groups, scope, _ => IncidentConfig.Default);

    private static TrackedIncident Incident(RepoRef repo, IReadOnlyDictionary<string, string> groupLabels, IncidentState? state = null)
    {
        var key = IncidentKey.Derive(repo, AlertGroupPayload.Firing(Group("any", groupLabels), [], ""), []);
        return new TrackedIncident(key, (state ?? TestIncidents.Firing) with { Key = key, GroupLabels = groupLabels }, new IncidentIssue(7, ["incident"]));
    }

    [Fact]
    public void Each_group_with_active_alerts_is_delivered_with_only_those_alerts()
    {
        var plan = Plan(Scope, Group("github", DiskGroup, Alert("fp1", Labels("a")), Alert("fp2", Labels("b"), GroupAlertStatus.Suppressed)));

        var delivery = Assert.Single(plan.Deliveries);
        Assert.Equal(Repo, delivery.Repo);
        Assert.Equal(["fp1"], delivery.Payload.Alerts.Select(a => a.Fingerprint));
        Assert.Equal(IncidentKey.Derive(Repo, delivery.Payload, []), delivery.Key);
        Assert.Equal([Repo], plan.Repos);
    }

    [Fact]
    public void A_group_listed_for_two_receivers_is_delivered_once_with_every_alert()
    {
        var plan = Plan(Scope,
            Group("github", DiskGroup, Alert("fp1", Labels("a")), Alert("fp2", Labels("b"))),
            Group("pager", DiskGroup, Alert("fp2", Labels("b")), Alert("fp3", Labels("c"))));

        Assert.Equal(["fp1", "fp2", "fp3"], Assert.Single(plan.Deliveries).Payload.Alerts.Select(a => a.Fingerprint));
    }

    [Fact]
    public void With_a_receiver_only_its_groups_are_delivered_but_the_others_keep_their_incidents()
    {
        var otherGroup = new Dictionary<string, string> { ["alertname"] = "PodCrash" };
        var plan = Plan(Scope with { Receiver = "github" },
            Group("github", DiskGroup, Alert("fp1", Labels("a"))),
            Group("pager", otherGroup, Alert("fp9", Labels("z"))));

        Assert.Equal("github", Assert.Single(plan.Deliveries).Payload.Receiver);
        Assert.False(plan.IsGone(Repo, Incident(Repo, otherGroup)));
    }

    [Fact]
    public void Silenced_inhibited_or_unprocessed_alerts_open_nothing_and_are_not_gone()
    {
        var plan = Plan(Scope, Group("github", DiskGroup, Alert("fp1", Labels("a"), GroupAlertStatus.Suppressed), Alert("fp2", Labels("b"), GroupAlertStatus.Unprocessed)));

        Assert.Empty(plan.Deliveries);
        Assert.False(plan.IsGone(Repo, Incident(Repo, DiskGroup)));
    }

    [Fact]
    public void A_firing_incident_whose_group_is_not_listed_is_gone_and_a_resolved_one_is_not()
    {
        var plan = Plan(Scope);

        Assert.True(plan.IsGone(Repo, Incident(Repo, DiskGroup)));
        Assert.False(plan.IsGone(Repo, Incident(Repo, DiskGroup, TestIncidents.Firing with { Status = AlertStatus.Resolved, Firing = [] })));
    }

    [Fact]
    public void An_incident_closed_by_hand_still_following_its_alerts_is_gone_too()
    {
        var closedByHand = TestIncidents.Firing.ResolvedByPerson("alice", TestIncidents.Now, byHand: true);

        Assert.True(Plan(Scope).IsGone(Repo, Incident(Repo, DiskGroup, closedByHand)));
    }

    [Fact]
    public void Groups_go_to_the_repository_their_alerts_name_which_is_then_checked_too()
    {
        var plan = Plan(Scope, Group("github", DiskGroup, Alert("fp1", Labels("a", repo: "storage"))));

        Assert.Equal(Storage, Assert.Single(plan.Deliveries).Repo);
        Assert.Equal([Repo, Storage], plan.Repos);
        Assert.Equal([Repo, Storage], ReconciliationPlan.TargetRepos([Group("github", DiskGroup, Alert("fp1", Labels("a", repo: "storage")))], Scope));
    }

    [Fact]
    public void A_group_without_a_single_repository_is_skipped_with_the_reason()
    {
        var plan = Plan(Scope, Group("github", DiskGroup, Alert("fp1", Labels("a", repo: "storage")), Alert("fp2", Labels("b", repo: "web"))));

        Assert.Empty(plan.Deliveries);
        var problem = Assert.Single(plan.Problems);
        Assert.StartsWith("The alert group github:{alertname=\"DiskFull\"} was skipped: the alerts of this group name different repositories", problem, StringComparison.Ordinal);
        Assert.Contains("add 'repo' to the route's group_by", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resolved_delivery_of_a_gone_incident_carries_what_its_marker_knows()
    {
        var incident = Incident(Repo, DiskGroup, TestIncidents.Firing with { Firing = ["fp1", "fp2"] });

        var payload = ReconciliationPlan.Resolved(incident.State, Scope with { Receiver = "github" }, TestIncidents.Now);

        Assert.True(payload.IsResolved);
        Assert.Equal(("github", "http://alertmanager:9093"), (payload.Receiver, payload.ExternalUrl));
        Assert.Equal(DiskGroup, payload.GroupLabels);
        Assert.Equal(incident.Key, IncidentKey.Derive(Repo, payload, []));
        Assert.All(payload.Alerts, alert => Assert.Equal((AlertStatus.Resolved, TestIncidents.Now), (alert.Status, alert.EndsAt)));
        Assert.Equal(["fp1", "fp2"], payload.Alerts.Select(a => a.Fingerprint));
    }
}
