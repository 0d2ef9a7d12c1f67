using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class IssueEventDeciderTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    private static readonly IncidentState Firing = TestIncidents.Firing;

    private static IssueChangeEvent Change(string action, string? label = null, IReadOnlyList<string>? labels = null, string body = "", bool bot = false) => new()
    {
        DeliveryId = "d1",
        Sender = new GitHubActor(bot ? "incident-app[bot]" : "alice", bot),
        Repo = new RepoRef("operate-first", "incidents"),
        Action = action,
        Label = label,
        Issue = new IssueSnapshot { Number = 12, Title = "t", Body = body, IsOpen = action != "closed", Labels = labels ?? ["incident"] },
    };

    private static IncidentDecision Decide(IncidentState state, IssueChangeEvent change) =>
        IssueEventDecider.Decide(TestIncidents.Known(state), change, TestIncidents.Context());

    [Fact]
    public void Closing_a_firing_incident_by_hand_resolves_it_without_any_call()
    {
        var decision = Decide(Firing, Change("closed"));

        Assert.Empty(decision.Operations);
        Assert.Equal("resolved", decision.State!.Status);
        Assert.Equal("alice", decision.State.ResolvedBy);
        Assert.True(decision.State.ClosedByHand);
    }

    [Fact]
    public void Reopening_by_hand_follows_and_drops_the_resolved_label()
    {
        var resolved = Firing.ResolvedByPerson("bob", Now, byHand: true) with { Acknowledged = new Acknowledgement("bob", Now) };

        var decision = Decide(resolved, Change("reopened", labels: ["incident", "resolved"]));

        Assert.Equal(["resolved"], Assert.IsType<UpdateIssue>(Assert.Single(decision.Operations)).RemoveLabels);
        Assert.True(decision.State!.IsFiring);
        Assert.False(decision.State.ClosedByHand);
        Assert.Null(decision.State.Acknowledged);
    }

    [Fact]
    public void Reopened_or_unacknowledged_by_hand_the_escalation_starts_over_as_with_reopen_and_unack()
    {
        var midway = new EscalationProgress
        {
            Policy = "default",
            Steps = [new EscalationStepPlan(["primary"], TimeSpan.FromMinutes(15)), new EscalationStepPlan(["@operate-first/sre-leads"], null)],
            Step = 1,
            Round = 1,
            DueAt = Now.AddHours(1),
        };
        var acknowledged = Firing with { Escalation = midway, Acknowledged = new Acknowledgement("bob", Now.AddMinutes(-5)) };

        var reopened = Decide(acknowledged.ResolvedByPerson("bob", Now, byHand: true), Change("reopened", labels: ["incident"])).State!;
        var unlabeled = Decide(acknowledged, Change("unlabeled", IncidentDecider.AcknowledgedLabel)).State!;

        Assert.All([reopened, unlabeled], state =>
        {
            Assert.Null(state.Acknowledged);
            Assert.Equal((0, 0, Now), (state.Escalation!.Step, state.Escalation.Round, state.Escalation.DueAt));
        });
        Assert.Equal(reopened, acknowledged.ResolvedByPerson("bob", Now, byHand: true).ReopenedByPerson(Now));
    }

    [Fact]
    public void A_severity_label_set_by_hand_pins_the_severity_and_replaces_every_other_whatever_the_payload_saw()
    {
        var decision = Decide(Firing, Change("labeled", "severity/critical", ["incident", "severity/warning", "severity/critical"]));

        Assert.Equal(["severity/warning", "severity/info"], Assert.IsType<UpdateIssue>(Assert.Single(decision.Operations)).RemoveLabels);
        Assert.Equal("critical", decision.State!.Severity);
        Assert.True(decision.State.SeverityPinned);
    }

    [Fact]
    public void The_acknowledged_label_by_hand_acknowledges_and_its_removal_unacknowledges()
    {
        var acked = Decide(Firing, Change("labeled", "acknowledged")).State!;
        var unacked = Decide(acked, Change("unlabeled", "acknowledged")).State!;

        Assert.Equal(new Acknowledgement("alice", Now), acked.Acknowledged);
        Assert.Null(unacked.Acknowledged);
    }

    [Fact]
    public void A_body_edit_that_deleted_the_marker_puts_it_back()
    {
        var lost = Decide(Firing, Change("edited", body: "I rewrote it all"));
        var kept = Decide(Firing, Change("edited", body: IssueBody.Section("x", Firing) + "\n\nmy notes"));

        Assert.Equal(Firing, Assert.IsType<UpdateIssue>(Assert.Single(lost.Operations)).Marker);
        Assert.Empty(kept.Operations);
        Assert.Null(kept.State);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("labeled")]
    [InlineData("edited")]
    public void Changes_made_by_bots_are_ignored(string action)
    {
        Assert.Same(IncidentDecision.Nothing, Decide(Firing, Change(action, "severity/critical", bot: true)));
    }

    [Fact]
    public void Other_labels_and_assignments_change_nothing()
    {
        Assert.Null(Decide(Firing, Change("labeled", "postmortem")).State);
        Assert.Null(Decide(Firing, Change("assigned")).State);
    }
}
