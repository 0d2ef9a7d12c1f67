using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary><c>postmortem.required_for</c>: every way an incident resolves, waits for its post-mortem, is reminded and closes.</summary>
public sealed class PostmortemRequirementTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    private static readonly IncidentConfig Required = Parse("postmortem:\n  required_for: [critical]\n  remind_every: 24h\n");

    private static readonly IncidentState Critical = PostmortemDraftTests.Story;

    /// <summary>Resolved at <see cref="Now"/> by alerts, kept open for its post-mortem.</summary>
    private static readonly IncidentState Waiting = Critical with { Status = AlertStatus.Resolved, Firing = [], ResolvedAt = Now, PostmortemRemindAt = Now.AddHours(24) };

    private static IncidentConfig Parse(string yaml)
    {
        var parsed = IncidentConfigParser.Parse(yaml);
        Assert.Empty(parsed.Errors);
        return parsed.Config;
    }

    private static AlertmanagerPayload Payload(string fixture) =>
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager(fixture))).Payload!;

    private static IssueChangeEvent Change(string action, string? label = null, bool open = false) => new()
    {
        DeliveryId = "d1",
        Sender = new GitHubActor("alice", false),
        Repo = TestIncidents.Repo,
        Action = action,
        Label = label,
        Issue = new IssueSnapshot { Number = 12, Title = "t", Body = "", IsOpen = open, Labels = ["incident", "post-mortem/pending"] },
    };

    private static IncidentDecision Remind(IncidentState state, DateTimeOffset now, IncidentConfig? config = null) =>
        PostmortemDecider.Decide(TestIncidents.Known(state), Tick.Instance, TestIncidents.Context(config ?? Required, now));

    private static void AssertClosesWaited(IssueOperation operation)
    {
        var update = Assert.IsType<UpdateIssue>(operation);
        Assert.Equal((false, "completed"), (update.Open, update.StateReason));
        Assert.Equal(["post-mortem/pending"], update.RemoveLabels);
        Assert.Empty(update.AddLabels);
    }

    [Fact]
    public void The_config_reads_levels_by_name_or_alias_and_bounds_the_reminder()
    {
        var config = Parse("postmortem:\n  required_for: [page, warning]\n  remind_every: 12h\n").Postmortem;
        Assert.Equal(["critical", "warning"], config.RequiredFor);
        Assert.Equal(TimeSpan.FromHours(12), config.RemindEvery);
        Assert.Empty(IncidentConfig.Default.Postmortem.RequiredFor);
        Assert.Equal(TimeSpan.FromHours(24), IncidentConfig.Default.Postmortem.RemindEvery);

        var errors = IncidentConfigParser.Parse("postmortem:\n  required_for: [critcal]\n  remind_every: 1m\n  remind: 2h\n").Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("names \"critcal\", which is no severity level", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'postmortem.remind_every' must be from 1h to ", StringComparison.Ordinal) && e.EndsWith(", not 1m", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("remind", StringComparison.Ordinal) && e.Contains("postmortem", StringComparison.Ordinal));
        Assert.Single(IncidentConfigParser.Parse("postmortem:\n  remind_every: 31d\n").Errors);
    }

    [Fact]
    public void Alerts_resolving_a_required_incident_keep_it_open_with_the_pending_label()
    {
        var decision = IncidentDecider.Decide(TestIncidents.Known(Critical), Payload("resolved"), TestIncidents.Context(Required));

        var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
        Assert.Null(update.Open);
        Assert.Equal(["resolved", "post-mortem/pending"], update.AddLabels);
        Assert.Contains(PostmortemDecider.PendingLabelSpec, decision.Operations.OfType<EnsureLabels>().Single().Labels);
        Assert.EndsWith(PostmortemDecider.WaitingNote, Assert.IsType<CommentOnIssue>(decision.Operations[^1]).Body, StringComparison.Ordinal);
        Assert.Equal(Now.AddHours(24), decision.State!.PostmortemRemindAt);
        Assert.Equal(Now.AddHours(24), decision.State.NextDueAt);
    }

    [Fact]
    public void Other_severities_a_written_post_mortem_or_the_default_config_close_as_before()
    {
        foreach (var (state, config) in new[] { (Critical with { Severity = "warning" }, Required), (Critical with { PostmortemAt = Now }, Required), (Critical, IncidentConfig.Default) })
        {
            var decision = IncidentDecider.Decide(TestIncidents.Known(state), Payload("resolved"), TestIncidents.Context(config));

            var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
            Assert.False(update.Open);
            Assert.Equal(["resolved"], update.AddLabels);
            Assert.Null(decision.State!.PostmortemRemindAt);
        }
    }

    [Fact]
    public void Resolve_keeps_it_open_and_postmortem_then_closes_it()
    {
        var resolved = PostmortemDraftTests.Run("/resolve", Critical, Required);

        var update = Assert.Single(resolved.Operations.OfType<UpdateIssue>());
        Assert.Null(update.Open);
        Assert.Equal(["post-mortem/pending", "resolved"], update.AddLabels.Order());
        Assert.Contains("stays open with `post-mortem/pending`", resolved.Outcomes[0].Message, StringComparison.Ordinal);
        Assert.Equal(Now.AddHours(24), resolved.State.PostmortemRemindAt);

        var written = PostmortemDraftTests.Run("/postmortem", resolved.State, Required, labels: ["incident", "severity/critical", "resolved", "post-mortem/pending"]);

        var close = Assert.Single(written.Operations.OfType<UpdateIssue>());
        Assert.Equal((false, "completed"), (close.Open, close.StateReason));
        Assert.Equal(["post-mortem"], close.AddLabels);
        Assert.Equal(["post-mortem/pending"], close.RemoveLabels);
        Assert.IsType<CommentOnIssue>(written.Operations[^1]);
        Assert.Null(written.State.PostmortemRemindAt);
        Assert.Equal(Now, written.State.PostmortemAt);
        Assert.Contains("so it is closed", written.Outcomes[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_drops_the_wait_and_its_label()
    {
        var decision = PostmortemDraftTests.Run("/reopen", Waiting, Required, labels: ["incident", "resolved", "post-mortem/pending"]);

        Assert.Contains("post-mortem/pending", Assert.Single(decision.Operations.OfType<UpdateIssue>()).RemoveLabels);
        Assert.Null(decision.State.PostmortemRemindAt);
        Assert.Null(decision.State.PostmortemDueAt);
    }

    [Fact]
    public void Closed_by_hand_it_is_reopened_with_the_pending_label_while_it_fires_or_waits()
    {
        foreach (var state in new[] { Critical, Waiting })
        {
            var decision = IssueEventDecider.Decide(TestIncidents.Known(state), Change("closed"), TestIncidents.Context(Required));

            var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
            Assert.Equal(true, update.Open);
            Assert.Equal(["post-mortem/pending"], update.AddLabels);
            Assert.StartsWith("Reopened: 📝", Assert.IsType<CommentOnIssue>(decision.Operations[^1]).Body, StringComparison.Ordinal);
            Assert.False(decision.State!.IsFiring);
            Assert.NotNull(decision.State.PostmortemRemindAt);
        }

        var notRequired = IssueEventDecider.Decide(TestIncidents.Known(Critical with { Severity = "warning" }), Change("closed"), TestIncidents.Context(Required));
        Assert.Empty(notRequired.Operations);
    }

    [Fact]
    public void A_person_adding_the_post_mortem_label_counts_as_written()
    {
        var waited = IssueEventDecider.Decide(TestIncidents.Known(Waiting), Change("labeled", "post-mortem", open: true), TestIncidents.Context(Required));
        var early = IssueEventDecider.Decide(TestIncidents.Known(Critical), Change("labeled", "Post-Mortem", open: true), TestIncidents.Context(Required));

        AssertClosesWaited(Assert.Single(waited.Operations));
        Assert.Equal((Now, null), (waited.State!.PostmortemAt, waited.State.PostmortemRemindAt));
        Assert.Empty(early.Operations);
        Assert.Equal(Now, early.State!.PostmortemAt);
        Assert.Same(IncidentDecision.Nothing, IssueEventDecider.Decide(TestIncidents.Known(early.State), Change("labeled", "post-mortem", open: true), TestIncidents.Context(Required)));
    }

    [Fact]
    public void The_reminder_fires_at_remind_every_and_not_before_then_plans_the_next()
    {
        Assert.Same(IncidentDecision.Nothing, Remind(Waiting, Now.AddHours(23).AddMinutes(59)));

        var reminded = Remind(Waiting, Now.AddHours(24));

        Assert.IsType<SaveStateInMarker>(reminded.Operations[0]);
        var reminder = Assert.IsType<CommentOnIssue>(reminded.Operations[1]).Body;
        Assert.Contains("resolved 1d ago and still has no post-mortem", reminder, StringComparison.Ordinal);
        Assert.Equal(Now.AddHours(48), reminded.State!.PostmortemRemindAt);
        Assert.Same(IncidentDecision.Nothing, Remind(reminded.State, Now.AddHours(24).AddMinutes(1)));
    }

    [Fact]
    public void A_config_that_no_longer_requires_it_closes_it_at_the_next_tick()
    {
        var decision = Remind(Waiting, Now.AddHours(24), IncidentConfig.Default);

        AssertClosesWaited(Assert.Single(decision.Operations));
        Assert.Null(decision.State!.PostmortemRemindAt);
    }

    [Fact]
    public void Firing_again_while_waiting_reopens_the_same_issue_even_past_the_reopen_window()
    {
        var context = TestIncidents.Context(Required, Now.AddDays(3));

        var decision = IncidentDecider.Decide(TestIncidents.Known(Waiting with { PostmortemAt = null }), Payload("firing-critical"), context);

        Assert.DoesNotContain(decision.Operations, op => op is CreateIssue);
        var update = decision.Operations.OfType<UpdateIssue>().Single();
        Assert.Equal(true, update.Open);
        Assert.Contains("post-mortem/pending", update.RemoveLabels);
        Assert.Null(decision.State!.PostmortemRemindAt);
        Assert.Null(decision.State.PostmortemDueAt);
    }
}
