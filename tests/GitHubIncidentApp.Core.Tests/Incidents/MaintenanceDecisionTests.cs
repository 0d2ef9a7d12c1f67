using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// An incident that opens in a maintenance window: labelled, the window named in the issue, assigned as usual, and
/// its escalation held until the window ends.
/// </summary>
public sealed class MaintenanceDecisionTests
{
    // Tuesday 2026-11-24 13:00 UTC, 14:00 in Berlin; bob holds the week's shift.
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    // 13:00-16:00 in Berlin is 12:00-15:00 UTC.
    private const string TuesdayWindow = "maintenance:\n  - { matchers: ['namespace=\"opf-jupyterhub\"'], days: tue, from: \"13:00\", to: \"16:00\" }";

    private static readonly DateTimeOffset WindowEnd = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private static IncidentConfig Config(string extra)
    {
        var parsed = IncidentConfigParser.Parse(Schedules.Weekly + "\n" + extra);
        Assert.Empty(parsed.Errors);
        return parsed.Config;
    }

    private static AlertmanagerPayload Firing =>
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))).Payload!;

    private static IncidentDecision Open(IncidentConfig config) => IncidentDecider.Decide(null, Firing, TestIncidents.Context(config, Now));

    private static EscalationDecision TickAt(IncidentState state, IncidentConfig config, DateTimeOffset at) =>
        EscalationDecider.Decide(new KnownIncident(state, 12), Tick.Instance, TestIncidents.Context(config, at));

    [Fact]
    public void It_opens_labelled_naming_the_window_and_assigned_as_usual()
    {
        var decision = Open(Config(TuesdayWindow));

        var create = Assert.Single(decision.Operations.OfType<CreateIssue>());
        Assert.Contains(MaintenanceNote.Label, create.Issue.Labels);
        Assert.Contains(MaintenanceNote.LabelSpec, Assert.Single(decision.Operations.OfType<EnsureLabels>()).Labels);
        Assert.Contains(
            "Opened during a maintenance window of this repository's configuration: {namespace=\"opf-jupyterhub\"} tue 13:00–16:00 Europe/Berlin, this time until 2026-11-24 15:00 UTC. Nobody is paged before it ends",
            create.Issue.Body,
            StringComparison.Ordinal);
        Assert.Equal(["bob"], create.Issue.Assignees);
    }

    [Fact]
    public void Escalation_waits_for_the_end_of_the_window_and_starts_then_from_its_first_step()
    {
        var config = Config(TuesdayWindow);
        var state = Open(config).State!;

        Assert.Equal((0, WindowEnd), (state.Escalation!.Step, state.NextDueAt));
        foreach (var later in new[] { Now.AddMinutes(15), Now.AddMinutes(30), WindowEnd.AddTicks(-1) })
        {
            Assert.Same(EscalationDecision.Nothing, TickAt(state, config, later));
        }

        var atEnd = TickAt(state, config, WindowEnd).Decision;
        Assert.Contains("step 1 of 3", Assert.Single(atEnd.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Equal(WindowEnd.AddMinutes(15), atEnd.State!.NextDueAt);
    }

    [Theory]
    [InlineData("maintenance:\n  - { matchers: ['namespace=\"db\"'], days: tue, from: \"13:00\", to: \"16:00\" }")]
    [InlineData("maintenance:\n  - { matchers: ['namespace=\"opf-jupyterhub\"'], days: tue, from: \"15:00\", to: \"16:00\" }")]
    [InlineData("maintenance:\n  - { matchers: ['namespace=\"opf-jupyterhub\"'], days: wed }")]
    public void Outside_every_window_it_opens_and_escalates_as_ever(string windows)
    {
        var decision = Open(Config(windows));

        var create = Assert.Single(decision.Operations.OfType<CreateIssue>());
        Assert.DoesNotContain(MaintenanceNote.Label, create.Issue.Labels);
        Assert.DoesNotContain("maintenance window", create.Issue.Body, StringComparison.Ordinal);
        Assert.Equal((1, Now.AddMinutes(15)), (decision.State!.Escalation!.Step, decision.State.NextDueAt));
    }

    [Fact]
    public void Without_a_policy_the_note_promises_no_escalation()
    {
        var decision = Open(Config(TuesdayWindow + "\nroutes:\n  - { assign: [primary], escalation: none }"));

        var body = Assert.Single(decision.Operations.OfType<CreateIssue>()).Issue.Body;
        Assert.Contains("this time until 2026-11-24 15:00 UTC.\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("paged", body, StringComparison.Ordinal);
        Assert.Null(decision.State!.Escalation);
    }

    /// <summary>A reopen is a new episode: it carries the label in a window and loses one an earlier episode left outside it.</summary>
    [Theory]
    [InlineData(TuesdayWindow, true)]
    [InlineData("maintenance:\n  - { matchers: ['namespace=\"opf-jupyterhub\"'], days: wed }", false)]
    public void A_reopened_incident_is_labelled_by_the_window_it_reopens_in(string windows, bool inWindow)
    {
        var config = Config(windows);
        var resolved = TestIncidents.Firing with { Status = AlertStatus.Resolved, Firing = [], ResolvedAt = Now.AddMinutes(-30) };

        var decision = IncidentDecider.Decide(TestIncidents.Known(resolved), Firing, TestIncidents.Context(config, Now));

        var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
        Assert.True(update.Open);
        Assert.Equal(inWindow, update.AddLabels.Contains(MaintenanceNote.Label));
        Assert.Equal(!inWindow, update.RemoveLabels.Contains(MaintenanceNote.Label));
        Assert.Equal(inWindow, update.Content!.Contains("maintenance window", StringComparison.Ordinal));
        Assert.Equal(inWindow ? WindowEnd : Now.AddMinutes(15), decision.State!.NextDueAt);
    }
}
