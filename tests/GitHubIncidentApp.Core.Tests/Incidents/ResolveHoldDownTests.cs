using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>The resolve hold-down (<c>resolve.delay</c>): a resolution waits, firing again cancels it silently, the wait running out resolves.</summary>
public sealed class ResolveHoldDownTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(5);

    private static FlappingGroup Opened(TimeSpan? delay = null)
    {
        var group = new FlappingGroup(FlappingGroup.Config(delay ?? Delay));
        group.Fire();
        return group;
    }

    [Fact]
    public void Without_a_delay_a_resolution_closes_at_once_as_before()
    {
        var group = Opened(TimeSpan.Zero);

        var resolved = group.Resolve(TimeSpan.FromMinutes(10));

        Assert.Equal(false, Assert.Single(resolved.Operations.OfType<UpdateIssue>()).Open);
        Assert.Equal("resolved", resolved.State!.Status);
        Assert.Null(resolved.State.Resolving);
    }

    [Fact]
    public void A_resolution_with_a_delay_waits_without_touching_the_issue()
    {
        var group = Opened();

        var resolved = group.Resolve(TimeSpan.FromMinutes(10));

        // Only the marker needs it, and only where the index does not keep the state (the Action).
        Assert.IsType<SaveStateInMarker>(Assert.Single(resolved.Operations));
        Assert.True(resolved.State!.IsFiring);
        Assert.Empty(resolved.State.Firing);
        Assert.Equal((group.Now, group.Now + Delay), (resolved.State.Resolving!.At, resolved.State.Resolving.Until));
        Assert.Equal(["1b426ae9ae5fb0ed"], resolved.State.Resolving!.Fired);
        Assert.Equal(group.Now + Delay, resolved.State.NextDueAt);
        Assert.Same(IncidentDecision.Nothing, group.Resolve(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Firing_again_within_the_delay_cancels_it_without_a_close_reopen_or_comment_and_counts_a_flap()
    {
        var group = Opened();
        group.Resolve(TimeSpan.FromMinutes(10));

        var again = group.Fire(TimeSpan.FromMinutes(2));

        Assert.IsType<SaveStateInMarker>(Assert.Single(again.Operations));
        Assert.Null(again.State!.Resolving);
        Assert.Equal(["1b426ae9ae5fb0ed"], again.State.Firing);
        Assert.Equal([group.Now], again.State.Flaps!.Times);
        Assert.False(again.State.Flaps.IsFlapping);
        Assert.All(group.Tick(TimeSpan.FromMinutes(10)), tick => Assert.Empty(tick.Operations));
    }

    [Fact]
    public void Other_alerts_firing_within_the_delay_are_told_as_any_change_is()
    {
        var group = Opened();
        group.Resolve(TimeSpan.FromMinutes(10));
        var state = group.State with { Resolving = group.State.Resolving! with { Fired = ["another"] } };
        group.Apply(new IncidentDecision([], state));

        var again = group.Fire(TimeSpan.FromMinutes(2));

        Assert.Single(again.Operations.OfType<CommentOnIssue>());
        Assert.Equal(again.State, Assert.Single(again.Operations.OfType<UpdateIssue>()).Marker);
        Assert.Single(again.State!.Flaps!.Times);
    }

    [Fact]
    public void The_delay_running_out_resolves_as_a_prompt_resolution_would_timed_by_the_alerts_end()
    {
        var group = Opened();
        group.Resolve(TimeSpan.FromMinutes(10));
        var endedAt = group.Now;

        Assert.All(group.Tick(Delay - TimeSpan.FromSeconds(1)), tick => Assert.Same(IncidentDecision.Nothing, tick));
        var resolved = group.Tick(TimeSpan.FromSeconds(1))[0];

        Assert.IsType<EnsureLabels>(resolved.Operations[0]);
        var update = Assert.IsType<UpdateIssue>(resolved.Operations[1]);
        Assert.Equal((false, "completed"), (update.Open, update.StateReason));
        Assert.Equal(["resolved"], update.AddLabels);
        Assert.Contains("after **10m**", Assert.IsType<CommentOnIssue>(resolved.Operations[2]).Body, StringComparison.Ordinal);
        Assert.Equal(("resolved", endedAt), (resolved.State!.Status, resolved.State.ResolvedAt));
        Assert.Null(resolved.State.Resolving);
        Assert.Null(resolved.State.NextDueAt);
        Assert.All(group.Tick(TimeSpan.FromMinutes(1)), tick => Assert.Same(IncidentDecision.Nothing, tick));
    }

    [Fact]
    public void Nobody_is_paged_while_the_resolution_waits_and_the_escalation_goes_on_where_it_was_if_it_fires_again()
    {
        var group = Opened();
        var escalation = new EscalationProgress { Policy = "default", Steps = [new EscalationStepPlan(["@operate-first/sre"], null)], DueAt = group.Now.AddMinutes(12) };
        group.Apply(new IncidentDecision([], group.State with { Escalation = escalation }));
        group.Resolve(TimeSpan.FromMinutes(10));

        Assert.Null(group.State.EscalationDueAt);
        Assert.Same(EscalationDecision.Nothing, EscalationDecider.Decide(group.Known!, Tick.Instance, group.Context() with { Now = group.Now.AddMinutes(4) }));

        group.Fire(TimeSpan.FromMinutes(4));
        Assert.Equal(escalation, group.State.Escalation);
        Assert.Equal(escalation.DueAt, group.State.EscalationDueAt);
    }

    [Fact]
    public void An_acknowledgement_outlives_a_cancelled_hold_down()
    {
        var group = Opened();
        group.Apply(new IncidentDecision([], group.State with { Acknowledged = new Acknowledgement("bob", group.Now) }));
        group.Resolve(TimeSpan.FromMinutes(10));

        group.Fire(TimeSpan.FromMinutes(1));

        Assert.Equal("bob", group.State.Acknowledged?.By);
    }

    [Fact]
    public void A_person_resolving_while_it_waits_ends_the_wait()
    {
        var group = Opened();
        group.Resolve(TimeSpan.FromMinutes(10));

        var resolved = group.State.ResolvedByPerson("bob", group.Now, byHand: false);

        Assert.Null(resolved.Resolving);
        Assert.Null(resolved.NextDueAt);
    }

    [Fact]
    public void The_wait_survives_in_the_marker()
    {
        var group = Opened();
        group.Resolve(TimeSpan.FromMinutes(10));

        var read = IncidentState.FromJson(group.State.ToJson())!;

        Assert.Equal(group.State.Resolving!.Until, read.ResolveDueAt);
        Assert.Equal(group.State.Resolving.Fired, read.Resolving!.Fired);
        Assert.DoesNotContain("flaps", TestIncidents.Firing.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("resolving", TestIncidents.Firing.ToJson(), StringComparison.Ordinal);
    }
}
