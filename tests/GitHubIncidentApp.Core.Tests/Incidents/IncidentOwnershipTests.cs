using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class IncidentOwnershipTests
{
    // Monday 2026-11-23 10:00 in Berlin: inside the weekday rotation's hours, second weekly shift.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const string Schedule = Schedules.Weekly;

    private static IncidentConfig Config(string extra = "")
    {
        var parsed = IncidentConfigParser.Parse(Schedule + "\n" + extra);
        Assert.Empty(parsed.Errors);
        return parsed.Config;
    }

    private static IncidentDecision Open(IncidentConfig config) => IncidentDecider.Decide(
        null,
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))).Payload!,
        TestIncidents.Context(config, Now));

    [Fact]
    public void The_incident_opens_assigned_to_whoever_is_on_call_in_the_same_call()
    {
        var decision = Open(Config());

        var create = Assert.Single(decision.Operations.OfType<CreateIssue>());
        Assert.Equal(["bob"], create.Issue.Assignees);
        Assert.Contains("**On call:** @bob", create.Issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_is_frozen_with_its_first_step_done_and_the_second_due_after_the_wait()
    {
        var state = Open(Config()).State!;

        Assert.Equal("default", state.Escalation!.Policy);
        Assert.Equal(["primary", "primary:next", "@operate-first/sre-leads"], state.Escalation.Steps.SelectMany(s => s.Notify));
        Assert.Equal(1, state.Escalation.Step);
        Assert.Equal(Now.AddMinutes(15), state.NextDueAt);
        Assert.Equal(TimeSpan.FromHours(2), state.AckTimeout);

        var second = EscalationDecider.Decide(new KnownIncident(state, 12), Tick.Instance, TestIncidents.Context(Config(), Now.AddMinutes(15))).Decision;
        Assert.Equal(["carol"], Assert.Single(second.Operations.OfType<AssignPeople>()).Logins);
    }

    [Fact]
    public void A_matching_route_names_the_owners_labels_and_policy()
    {
        var config = Config("""
            routes:
              - matchers: ['namespace=~"opf-jupyter.*"']
                assign: ["@jupyter-lead", "@operate-first/jupyterhub"]
                escalation: none
                labels: [team/jupyterhub]
              - assign: [primary]
            """);

        var decision = Open(config);

        var create = Assert.Single(decision.Operations.OfType<CreateIssue>());
        Assert.Equal(["jupyter-lead"], create.Issue.Assignees);
        Assert.Contains("team/jupyterhub", create.Issue.Labels);
        Assert.Contains("@operate-first/jupyterhub", create.Issue.Body, StringComparison.Ordinal);
        Assert.Null(decision.State!.Escalation);
    }

    [Fact]
    public void Without_a_schedule_nobody_is_assigned_and_nothing_escalates()
    {
        var decision = Open(IncidentConfig.Default);

        Assert.Empty(Assert.Single(decision.Operations.OfType<CreateIssue>()).Issue.Assignees);
        Assert.Null(decision.State!.NextDueAt);
    }

    [Fact]
    public void A_rotation_nobody_holds_falls_back_to_when_empty()
    {
        var config = IncidentConfigParser.Parse(Schedule.Replace("shift: 1w }", "shift: 1w, restrict: [{ days: mon-fri, from: \"09:00\", to: \"18:00\" }] }", StringComparison.Ordinal)).Config;
        var saturday = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        var weekend = OnCallTargets.Resolve(config.OnCall, "primary", saturday);
        var weekday = OnCallTargets.Resolve(config.OnCall, "primary", Now);

        Assert.Equal((0, "@operate-first/sre"), (weekend.Assign.Count, Assert.Single(weekend.Mention)));
        Assert.Equal(["bob"], weekday.Assign);
    }

    [Fact]
    public void A_rotation_removed_since_the_incident_opened_pages_nobody()
    {
        Assert.Same(NotifyTargets.None, OnCallTargets.Resolve(Config().OnCall, "retired-rotation", Now));
    }
}
