using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed partial class IncidentDeciderTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    private static AlertmanagerPayload Payload(string fixture) =>
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager(fixture))).Payload!;

    private static IncidentContext Context(IncidentConfig? config = null, DateTimeOffset? now = null, IReadOnlyList<ConfigProblem>? problems = null) =>
        TestIncidents.Context(config, now) with { Problems = problems ?? [] };

    private static KnownIncident Known(IncidentDecision decision, int issue = 12) => new(decision.State!, issue);

    [Fact]
    public void The_first_firing_delivery_opens_one_issue_with_title_body_and_labels()
    {
        var decision = IncidentDecider.Decide(null, Payload("firing-critical"), Context());

        var create = Assert.Single(decision.Operations.OfType<CreateIssue>());
        Assert.IsType<EnsureLabels>(decision.Operations[0]);
        Assert.Equal(["incident", "severity/critical"], create.Issue.Labels);
        Assert.Contains("JupyterHub is down", create.Issue.Title, StringComparison.Ordinal);
        Assert.Contains("https://example.org/runbooks/jupyterhub-down", create.Issue.Body, StringComparison.Ordinal);
        var marker = IssueBody.ReadState(create.Issue.Body)!;
        Assert.Equal("key-1", marker.Key);
        Assert.Equal(["1b426ae9ae5fb0ed"], marker.Firing);
        Assert.Equal("critical", marker.Severity);
        Assert.Equal(decision.State!.ToJson(), marker.ToJson());
    }

    [Fact]
    public void A_repeat_with_nothing_new_costs_nothing()
    {
        var payload = Payload("firing-critical");
        var opened = IncidentDecider.Decide(null, payload, Context());

        var repeat = IncidentDecider.Decide(Known(opened), payload, Context(now: Now.AddHours(4)));

        Assert.Empty(repeat.Operations);
    }

    [Fact]
    public void Resolution_closes_and_relabels_in_one_update_then_comments()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());

        var resolved = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context());

        var update = Assert.IsType<UpdateIssue>(resolved.Operations[1]);
        var comment = Assert.IsType<CommentOnIssue>(resolved.Operations[2]);
        Assert.Contains("resolved", comment.Body, StringComparison.OrdinalIgnoreCase);
        Assert.False(update.Open);
        Assert.Equal("completed", update.StateReason);
        Assert.Equal(["resolved"], update.AddLabels);
        Assert.Null(update.Marker);
        Assert.Equal("resolved", resolved.State!.Status);
        Assert.Empty(resolved.State.Firing);
    }

    [Fact]
    public void Resolution_only_labels_when_configured_not_to_close()
    {
        var config = IncidentConfig.Default with { Resolve = new ResolveConfig { Close = false } };
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context(config));

        var resolved = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context(config));

        var update = Assert.Single(resolved.Operations.OfType<UpdateIssue>());
        Assert.Null(update.Open);
        Assert.Equal(["resolved"], update.AddLabels);
    }

    [Fact]
    public void A_resolved_group_without_an_incident_or_resolved_again_does_nothing()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var resolved = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context());

        Assert.Empty(IncidentDecider.Decide(null, Payload("resolved"), Context()).Operations);
        Assert.Empty(IncidentDecider.Decide(Known(resolved), Payload("resolved"), Context()).Operations);
    }

    [Fact]
    public void A_new_alert_in_the_group_refreshes_the_section_and_comments()
    {
        var payload = Payload("firing-critical");
        var opened = IncidentDecider.Decide(null, payload, Context());
        var second = payload.Alerts[0] with { Fingerprint = "ffff000011112222", Labels = new Dictionary<string, string>(payload.Alerts[0].Labels) { ["instance"] = "hub-2:8081" } };

        var changed = IncidentDecider.Decide(Known(opened), payload with { Alerts = [payload.Alerts[0], second] }, Context());

        var update = Assert.Single(changed.Operations.OfType<UpdateIssue>());
        Assert.NotNull(update.Marker);
        Assert.NotNull(update.Content);
        Assert.Null(update.Open);
        Assert.Contains("hub-2:8081", Assert.Single(changed.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Equal(["1b426ae9ae5fb0ed", "ffff000011112222"], changed.State!.Firing);
    }

    [Fact]
    public void A_severity_change_swaps_the_label()
    {
        var payload = Payload("firing-critical");
        var warning = payload with { Alerts = [payload.Alerts[0] with { Labels = new Dictionary<string, string>(payload.Alerts[0].Labels) { ["severity"] = "warning" } }] };
        var opened = IncidentDecider.Decide(null, warning, Context());

        var escalated = IncidentDecider.Decide(Known(opened), payload, Context());

        var update = Assert.Single(escalated.Operations.OfType<UpdateIssue>());
        Assert.Equal(["severity/critical"], update.AddLabels);
        Assert.Contains("severity/warning", update.RemoveLabels);
        Assert.Equal("critical", escalated.State!.Severity);
    }

    [Theory]
    [InlineData(null, "severity/warning")]
    [InlineData("page", "severity/critical")]
    [InlineData("INFO", "severity/info")]
    [InlineData("bogus", "severity/warning")]
    public void Unknown_or_missing_severities_use_the_default_and_aliases_map(string? severity, string label)
    {
        var payload = Payload("firing-critical");
        var labels = new Dictionary<string, string>(payload.Alerts[0].Labels);
        labels.Remove("severity");
        if (severity is not null)
        {
            labels["severity"] = severity;
        }

        var decision = IncidentDecider.Decide(null, payload with { Alerts = [payload.Alerts[0] with { Labels = labels }] }, Context());

        Assert.Contains(label, decision.Operations.OfType<CreateIssue>().Single().Issue.Labels);
    }

    [Fact]
    public void Alerts_missing_from_a_truncated_delivery_still_fire()
    {
        var payload = Payload("firing-truncated");
        var opened = IncidentDecider.Decide(null, payload, Context());
        var fewer = payload with { Alerts = payload.Alerts.Take(2).ToList() };

        var truncated = IncidentDecider.Decide(Known(opened), fewer, Context());
        var complete = IncidentDecider.Decide(Known(opened), fewer with { TruncatedAlerts = 0 }, Context());

        Assert.Empty(truncated.Operations);
        Assert.Equal(2, complete.State!.Firing.Count);
    }

    [Fact]
    public void Config_problems_are_said_in_the_issue()
    {
        var decision = IncidentDecider.Decide(null, Payload("firing-critical"), Context(problems: [new ConfigProblem(".github/incidents.yml", 3, 1, "unknown key 'lables'")]));

        var body = decision.Operations.OfType<CreateIssue>().Single().Issue.Body;
        Assert.Contains("unknown key 'lables'", body, StringComparison.Ordinal);
        Assert.Contains("\n> - .github/incidents.yml:3:1: unknown key 'lables'\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_labels_render_from_the_group()
    {
        var config = IncidentConfig.Default with { Labels = ["alerts", "ns/{{ labels.namespace }}", "{{ labels.missing }}"] };

        var decision = IncidentDecider.Decide(null, Payload("firing-critical"), Context(config));

        Assert.Equal(["incident", "severity/critical", "alerts", "ns/opf-jupyterhub"], decision.Operations.OfType<CreateIssue>().Single().Issue.Labels);
    }

    [Fact]
    public void Closed_by_hand_the_same_alerts_firing_on_cost_nothing_until_they_resolve()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var closed = new KnownIncident(opened.State!.ResolvedByPerson("alice", Now, byHand: true), 12);

        var stillFiring = IncidentDecider.Decide(closed, Payload("firing-critical"), Context(now: Now.AddMinutes(30)));
        var resolved = IncidentDecider.Decide(closed, Payload("resolved"), Context(now: Now.AddHours(1)));
        var firesAgain = IncidentDecider.Decide(Known(resolved), Payload("firing-critical"), Context(now: Now.AddHours(2)));

        Assert.Empty(stillFiring.Operations);
        Assert.Empty(resolved.Operations);
        Assert.False(resolved.State!.ClosedByHand);
        Assert.True(Assert.Single(firesAgain.Operations.OfType<UpdateIssue>()).Open);
    }

    [Fact]
    public void Resolved_with_a_command_a_later_firing_delivery_reopens_it()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var resolved = new KnownIncident(opened.State!.ResolvedByPerson("alice", Now, byHand: false), 12);

        var again = IncidentDecider.Decide(resolved, Payload("firing-critical"), Context(now: Now.AddHours(4)));

        var update = Assert.Single(again.Operations.OfType<UpdateIssue>());
        Assert.True(update.Open);
        Assert.Contains("acknowledged", update.RemoveLabels);
        Assert.Null(again.State!.ResolvedBy);
    }

    [Fact]
    public void A_reopened_incident_keeps_its_silence_in_force()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var silence = new ActiveSilence("s1", Now.AddHours(8), "alice");
        var resolved = new KnownIncident(opened.State!.ResolvedByPerson("alice", Now, byHand: false) with { Silence = silence }, 12);

        var again = IncidentDecider.Decide(resolved, Payload("firing-critical"), Context(now: Now.AddHours(4)));

        Assert.Equal(silence, again.State!.Silence);
    }

    [Fact]
    public void With_autoclose_off_resolution_only_labels()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var known = new KnownIncident(opened.State! with { AutoClose = false }, 12);

        var resolved = IncidentDecider.Decide(known, Payload("resolved"), Context());

        var update = Assert.Single(resolved.Operations.OfType<UpdateIssue>());
        Assert.Null(update.Open);
        Assert.Equal(["resolved"], update.AddLabels);
    }

    [Fact]
    public void A_pinned_severity_is_not_changed_by_the_alerts()
    {
        var payload = Payload("firing-critical");
        var opened = IncidentDecider.Decide(null, payload, Context());
        var pinned = new KnownIncident(opened.State! with { Severity = "info", SeverityPinned = true }, 12);
        var second = payload.Alerts[0] with { Fingerprint = "ffff000011112222" };

        var changed = IncidentDecider.Decide(pinned, payload with { Alerts = [payload.Alerts[0], second] }, Context());

        Assert.Equal("info", changed.State!.Severity);
        Assert.Empty(Assert.Single(changed.Operations.OfType<UpdateIssue>()).AddLabels);
    }
}
