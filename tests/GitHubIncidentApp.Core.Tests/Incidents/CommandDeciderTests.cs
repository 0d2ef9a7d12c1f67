using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed partial class CommandDeciderTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    private static readonly IncidentState Firing = TestIncidents.Firing;

    private const string IssueUrl = "https://github.com/operate-first/incidents/issues/12";

    private static CommentDecision Decide(
        string body,
        IncidentState? state = null,
        RepoPermission permission = RepoPermission.Triage,
        IReadOnlyList<string>? labels = null,
        IReadOnlyList<string>? assignees = null,
        bool open = true,
        IncidentConfig? config = null,
        TakenOverrides? taken = null,
        string? silencesOff = null)
    {
        var issue = new IssueSnapshot
        {
            Number = 12,
            Title = "t",
            Body = "",
            IsOpen = open,
            Labels = labels ?? ["incident", "severity/warning"],
            Assignees = assignees ?? [],
            HtmlUrl = IssueUrl,
        };
        var comment = new IssueCommentEvent
        {
            DeliveryId = "d1",
            Sender = new GitHubActor("alice", false),
            Repo = new RepoRef("operate-first", "incidents"),
            Action = "created",
            CommentId = 99,
            Body = body,
            Issue = issue,
        };
        return CommandDecider.Decide(TestIncidents.Known(state ?? Firing), new CommentCommands(comment, CommandParser.Parse(body), permission), TestIncidents.Context(config, taken: taken) with { SilencesOff = silencesOff });
    }

    [Fact]
    public void Ack_labels_assigns_the_commenter_and_records_who()
    {
        var decision = Decide("/ack");

        var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
        Assert.Equal(["acknowledged"], update.AddLabels);
        Assert.Equal(decision.State, update.Marker);
        Assert.Equal(["alice"], Assert.Single(decision.Operations.OfType<AssignPeople>()).Logins);
        Assert.Equal(new Acknowledgement("alice", Now), decision.State.Acknowledged);
        Assert.True(Assert.Single(decision.Outcomes).Succeeded);
    }

    [Fact]
    public void Ack_does_not_take_the_issue_from_its_assignee()
    {
        var decision = Decide("/ack", assignees: ["bob"]);

        Assert.Empty(decision.Operations.OfType<AssignPeople>());
        Assert.Empty(decision.RequestedAssignees);
    }

    [Fact]
    public void Several_commands_fold_into_one_update()
    {
        var decision = Decide("/ack\n/severity critical\n/status investigating the database is slow");

        var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
        Assert.Equal(["acknowledged", "severity/critical"], update.AddLabels.Order());
        Assert.Equal(["severity/warning"], update.RemoveLabels);
        Assert.Equal("critical", decision.State.Severity);
        Assert.True(decision.State.SeverityPinned);
        var entry = Assert.Single(decision.State.Timeline);
        Assert.Equal(("investigating", "the database is slow", "alice"), (entry.Kind, entry.Text, entry.By));
        Assert.All(decision.Outcomes, o => Assert.True(o.Succeeded));
    }

    [Fact]
    public void Resolve_closes_labels_and_says_a_firing_alert_will_reopen_it()
    {
        var decision = Decide("/resolve restarted the hub");

        var update = Assert.Single(decision.Operations.OfType<UpdateIssue>());
        Assert.False(update.Open);
        Assert.Equal("completed", update.StateReason);
        Assert.Equal(["resolved"], update.AddLabels);
        Assert.Equal("alice", decision.State.ResolvedBy);
        Assert.False(decision.State.ClosedByHand);
        Assert.Equal("restarted the hub", Assert.Single(decision.State.Timeline).Text);
        Assert.Contains("reopens it", decision.Outcomes[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_is_an_alias_of_resolve_and_reopen_undoes_it()
    {
        var resolved = Decide("/close").State;

        var reopened = Decide("/reopen", resolved, labels: ["incident", "resolved", "acknowledged"], open: false);

        var update = Assert.Single(reopened.Operations.OfType<UpdateIssue>());
        Assert.True(update.Open);
        Assert.Equal(["acknowledged", "resolved"], update.RemoveLabels.Order());
        Assert.True(reopened.State.IsFiring);
    }

    [Fact]
    public void A_role_below_the_needed_one_is_refused_with_both_named_and_nothing_changes()
    {
        var decision = Decide("/ack", permission: RepoPermission.Read);

        Assert.Empty(decision.Operations);
        var outcome = Assert.Single(decision.Outcomes);
        Assert.False(outcome.Succeeded);
        Assert.Equal("`/ack` needs the **triage** role; @alice has **read**.", outcome.Message);
    }

    [Fact]
    public void A_configured_permission_applies()
    {
        var config = IncidentConfig.Default with { CommandPermissions = new Dictionary<string, RepoPermission> { ["severity"] = RepoPermission.Write } };

        var decision = Decide("/severity critical", config: config);

        Assert.Contains("needs the **write** role", Assert.Single(decision.Outcomes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_commands_and_bad_arguments_are_explained_and_the_rest_still_run()
    {
        var decision = Decide("/resovle\n/severity bogus\n/ack");

        Assert.Equal([false, false, true], decision.Outcomes.Select(o => o.Succeeded));
        Assert.Contains("/resolve", decision.Outcomes[0].Message, StringComparison.Ordinal);
        Assert.Contains("critical", decision.Outcomes[1].Message, StringComparison.Ordinal);
        Assert.NotNull(decision.State.Acknowledged);
    }

    [Fact]
    public void Commands_that_change_nothing_say_so_and_cost_nothing()
    {
        var acked = Firing with { Acknowledged = new Acknowledgement("bob", Now) };

        var decision = Decide("/ack\n/severity warning\n/unassign", acked, labels: ["incident", "severity/warning", "acknowledged"]);

        Assert.Empty(decision.Operations);
        Assert.Equal("Already acknowledged by @bob.", decision.Outcomes[0].Message);
        Assert.False(decision.StateChanged);
    }

    [Fact]
    public void Assign_and_unassign_name_people_and_respect_the_limit_of_ten()
    {
        var assigned = Decide("/assign @bob @carol", assignees: ["dave"]);
        var unassigned = Decide("/unassign @dave", assignees: ["dave"]);
        var tooMany = Decide("/assign @u1 @u2", assignees: ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"]);

        Assert.Equal(["bob", "carol"], Assert.Single(assigned.Operations.OfType<AssignPeople>()).Logins);
        Assert.Equal(["bob", "carol"], assigned.RequestedAssignees);
        Assert.Equal(["dave"], Assert.Single(unassigned.Operations.OfType<UnassignPeople>()).Logins);
        Assert.False(Assert.Single(tooMany.Outcomes).Succeeded);
        Assert.Empty(tooMany.Operations);
    }

    [Fact]
    public void Autoclose_off_is_kept_in_the_marker()
    {
        var decision = Decide("/autoclose off");

        Assert.False(decision.State.AutoClose);
        Assert.Equal(decision.State, Assert.Single(decision.Operations.OfType<UpdateIssue>()).Marker);
    }

    [Fact]
    public void Help_lists_the_commands_for_a_reader()
    {
        var decision = Decide("/help", permission: RepoPermission.Read);

        Assert.Empty(decision.Operations);
        var help = Assert.Single(decision.Outcomes);
        Assert.True(help.Succeeded);
        Assert.Contains("/resolve", help.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_quotes_each_command_with_its_outcome()
    {
        var decision = Decide("/ack\n/severity bogus\n/assign @zed");

        var reply = ReplyText(CommandDecider.Reply(decision, appliedAssignees: ["alice"]));

        Assert.StartsWith("> `/ack`\n\n✅ Acknowledged by @alice, who is now assigned.\n\n> `/severity bogus`\n\n❌ ", reply, StringComparison.Ordinal);
        Assert.Contains("GitHub could not assign @zed", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Oncall_take_adds_an_override_in_local_time_to_the_ledger_and_drops_expired_ones()
    {
        var config = IncidentConfigParser.Parse(GitHubIncidentApp.Testing.Schedules.Weekly).Config;
        var expired = new GitHubIncidentApp.Core.OnCall.OnCallOverride("primary", "dave", new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2026, 11, 2, 9, 0, 0));

        var decision = Decide("/oncall take 4h", config: config, taken: new TakenOverrides(7, [expired]));

        var write = Assert.Single(decision.Operations.OfType<WriteOverrideLedger>());
        Assert.Equal(7, write.LedgerIssue);
        var entry = Assert.Single(write.Overrides);
        Assert.Equal(("primary", "alice", new DateTime(2026, 11, 24, 14, 0, 0), new DateTime(2026, 11, 24, 18, 0, 0)), (entry.Rotation, entry.User, entry.From, entry.To));
        Assert.Equal("@alice is on call for **primary** until Tue 2026-11-24 18:00 Europe/Berlin.", decision.Outcomes[0].Message);
    }

    [Theory]
    [InlineData("/oncall take 4h", RepoPermission.Read, "needs the **triage** role")]
    [InlineData("/oncall take soon", RepoPermission.Triage, "is not a duration")]
    [InlineData("/oncall take 4h backup", RepoPermission.Triage, "There is no rotation `backup`")]
    [InlineData("/oncall give 4h", RepoPermission.Triage, "`/oncall take <duration> [rotation]`")]
    public void Oncall_take_explains_what_it_cannot_do(string command, RepoPermission permission, string expected)
    {
        var config = IncidentConfigParser.Parse(GitHubIncidentApp.Testing.Schedules.Weekly).Config;

        var decision = Decide(command, permission: permission, config: config);

        Assert.Empty(decision.Operations);
        Assert.Contains(expected, Assert.Single(decision.Outcomes).Message, StringComparison.Ordinal);
    }
}
