using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class EscalationDeciderTests
{
    private static readonly DateTimeOffset Opened = TestIncidents.Now;

    private static readonly EscalationProgress Policy = new()
    {
        Policy = "default",
        Steps =
        [
            new EscalationStepPlan(["primary"], TimeSpan.FromMinutes(15)),
            new EscalationStepPlan(["primary:next"], TimeSpan.FromMinutes(15)),
            new EscalationStepPlan(["@operate-first/sre-leads"], null),
        ],
        Repeat = 0,
        // The first step was the assignment at open.
        Step = 1,
        DueAt = Opened.AddMinutes(15),
    };

    private static readonly IncidentState Incident = TestIncidents.Firing with { Escalation = Policy, AckTimeout = TimeSpan.FromHours(2) };

    // Alice holds the rotation this week (from Monday 2026-11-23), Bob is next; the leads are named by the policy.
    private static readonly IncidentConfig Config = Parse("""
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-23T09:00, shift: 1w }
        escalation:
          default:
            steps:
              - { notify: primary, wait: 15m }
              - { notify: { rotation: primary, who: next }, wait: 15m }
              - { notify: "@operate-first/sre-leads" }
        """);

    private static IncidentConfig Parse(string yaml)
    {
        var parsed = IncidentConfigParser.Parse(yaml);
        Assert.Empty(parsed.Errors);
        return parsed.Config;
    }

    private static EscalationDecision Fire(IncidentState state, DateTimeOffset now) =>
        EscalationDecider.Decide(TestIncidents.Known(state), Tick.Instance, TestIncidents.Context(Config, now));

    private static IncidentDecision Decide(IncidentState state, DateTimeOffset now) => Fire(state, now).Decision;

    [Fact]
    public void Nothing_fires_before_the_step_is_due()
    {
        Assert.Same(IncidentDecision.Nothing, Decide(Incident, Opened.AddMinutes(14)));
    }

    [Fact]
    public void Each_step_fires_once_at_its_time_then_the_policy_ends()
    {
        var second = Decide(Incident, Opened.AddMinutes(15));
        var again = Decide(second.State!, Opened.AddMinutes(16));
        var third = Decide(second.State!, Opened.AddMinutes(30));
        var after = Decide(third.State!, Opened.AddDays(1));

        Assert.Equal(["bob"], Assert.Single(second.Operations.OfType<AssignPeople>()).Logins);
        Assert.Equal(second.State, Assert.Single(second.Operations.OfType<UpdateIssue>()).Marker);
        Assert.Contains("step 2 of 3", Assert.Single(second.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Same(IncidentDecision.Nothing, again);
        Assert.Empty(third.Operations.OfType<AssignPeople>());
        Assert.Contains("@operate-first/sre-leads", Assert.Single(third.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Null(third.State!.NextDueAt);
        Assert.Same(IncidentDecision.Nothing, after);
    }

    [Fact]
    public void A_late_tick_fires_one_step_and_plans_the_next_from_now()
    {
        var late = Decide(Incident, Opened.AddHours(3));

        Assert.Equal(2, late.State!.Escalation!.Step);
        Assert.Equal(Opened.AddHours(3).AddMinutes(15), late.State.NextDueAt);
    }

    [Fact]
    public void Repeat_starts_the_policy_over_after_its_last_wait()
    {
        var repeating = Policy with { Repeat = 1, Steps = [Policy.Steps[0], Policy.Steps[1] with { Wait = TimeSpan.FromMinutes(15) }] };

        var last = Decide(Incident with { Escalation = repeating }, Opened.AddMinutes(15));

        Assert.Equal((0, 1), (last.State!.Escalation!.Step, last.State.Escalation.Round));
        Assert.Equal(Opened.AddMinutes(30), last.State.NextDueAt);
    }

    [Fact]
    public void An_acknowledged_incident_does_not_escalate_until_the_acknowledgement_times_out()
    {
        var acked = Incident with { Acknowledged = new Acknowledgement("alice", Opened.AddMinutes(5)) };

        var quiet = Decide(acked, Opened.AddMinutes(60));
        var lapsed = Decide(acked, Opened.AddMinutes(125));

        Assert.Same(IncidentDecision.Nothing, quiet);
        Assert.Null(lapsed.State!.Acknowledged);
        Assert.Equal(["acknowledged"], Assert.Single(lapsed.Operations.OfType<UpdateIssue>()).RemoveLabels);
        Assert.Contains("@alice acknowledged this incident 2h ago", Assert.Single(lapsed.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Equal((0, Opened.AddMinutes(125)), (lapsed.State.Escalation!.Step, lapsed.State.NextDueAt!.Value));
    }

    [Fact]
    public void A_resolved_incident_has_nothing_due()
    {
        var resolved = Incident.ResolvedByPerson("alice", Opened, byHand: false);

        Assert.Null(resolved.NextDueAt);
        Assert.Same(IncidentDecision.Nothing, Decide(resolved, Opened.AddDays(1)));
    }

    [Fact]
    public void A_target_the_config_does_not_name_pages_nobody_and_is_listed_for_the_log()
    {
        var written = Incident with { Escalation = Policy with { Steps = [Policy.Steps[0], new EscalationStepPlan(["@mallory", "primary:next"], null)] } };

        var fired = Fire(written, Opened.AddMinutes(15));

        Assert.Equal(["@mallory"], fired.UnnamedTargets);
        Assert.Equal(["bob"], Assert.Single(fired.Decision.Operations.OfType<AssignPeople>()).Logins);
        Assert.DoesNotContain("mallory", Assert.Single(fired.Decision.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Empty(Fire(Incident, Opened.AddMinutes(15)).UnnamedTargets);
    }
}
