using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>Storm decisions, driven as the applier drives them: each step's ledger state kept for the next.</summary>
public sealed class StormDeciderTests
{
    private const int StormIssue = 70;
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    private KnownIncident? _ledger;

    /// <summary>The recorded group renamed to <paramref name="name"/> (a group of its own), firing or resolved.</summary>
    internal static AlertmanagerPayload Group(string name, string severity = "warning", bool resolved = false)
    {
        var payload = AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))).Payload!;
        var status = resolved ? AlertStatus.Resolved : AlertStatus.Firing;
        return payload with
        {
            Status = status,
            GroupLabels = new Dictionary<string, string>(payload.GroupLabels) { ["alertname"] = name },
            CommonLabels = new Dictionary<string, string>(payload.CommonLabels) { ["alertname"] = name, ["severity"] = severity },
            Alerts = [.. payload.Alerts.Select(a => a with
            {
                Status = status,
                EndsAt = resolved ? Now : null,
                Labels = new Dictionary<string, string>(a.Labels) { ["alertname"] = name, ["severity"] = severity },
                Fingerprint = "fp-" + name,
            })],
        };
    }

    private static IncidentContext Context(string key, DateTimeOffset now, IncidentConfig? config = null) =>
        TestIncidents.Context(config, now) with { Key = key };

    /// <summary>A new group's delivery, its ledger change applied (the storm issue gets number 70).</summary>
    private StormStep Open(string name, DateTimeOffset now, string severity = "warning", IncidentConfig? config = null)
    {
        var payload = Group(name, severity);
        var context = Context(name, now, config);
        var step = StormDecider.DecideOpen(_ledger, IncidentDecider.Decide(null, payload, context), payload, context);
        Keep(step.Ledger);
        return step;
    }

    private void Keep(IncidentDecision ledger)
    {
        if (ledger.State is { } state)
        {
            _ledger = new KnownIncident(state, ledger.Operations.Any(op => op is CreateIssue) ? StormIssue : _ledger?.IssueNumber ?? 0);
        }
    }

    private void OpenTen(DateTimeOffset now)
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Single(Open($"Own{i}", now).Group.Operations.OfType<CreateIssue>());
        }
    }

    [Fact]
    public void Ten_groups_open_their_issues_the_eleventh_opens_the_storm_and_the_next_join_it_without_a_call()
    {
        OpenTen(Now);

        var eleventh = Open("Storm1", Now.AddSeconds(5));
        Assert.True(eleventh.Joins);
        Assert.Empty(eleventh.Group.Operations);
        var create = Assert.Single(eleventh.Ledger.Operations.OfType<CreateIssue>());
        Assert.Equal("[STORM] 1 alert group firing in operate-first/incidents", create.Issue.Title);
        Assert.Equal(["incident", "storm", "severity/warning"], create.Issue.Labels);
        Assert.Contains("Storm1", create.Issue.Body, StringComparison.Ordinal);
        Assert.Equal(StormDecider.Key, IssueBody.ReadState(create.Issue.Body)!.Key);

        var twelfth = Open("Storm2", Now.AddSeconds(6));
        Assert.True(twelfth.Joins);
        Assert.Empty(twelfth.Group.Operations);
        Assert.Empty(twelfth.Ledger.Operations);
        Assert.Null(twelfth.Group.State!.NextDueAt);
        Assert.Equal(["Storm1", "Storm2"], _ledger!.State.Storm!.Members.Select(m => m.Labels["alertname"]));
        Assert.Equal(Now.AddSeconds(5) + StormState.FlushInterval, _ledger.State.NextDueAt);
    }

    [Fact]
    public void Opens_older_than_the_window_do_not_count()
    {
        OpenTen(Now);

        var later = Open("Later", Now.AddMinutes(2).AddSeconds(1));

        Assert.Single(later.Group.Operations.OfType<CreateIssue>());
        Assert.Empty(later.Ledger.Operations);
        Assert.Equal([Now.AddMinutes(2).AddSeconds(1)], _ledger!.State.Storm!.Opens);
    }

    [Fact]
    public void Turned_off_every_group_opens_its_issue_and_no_ledger_is_kept()
    {
        var off = IncidentConfig.Default with { Storm = new StormConfig { Enabled = false } };
        for (var i = 0; i < 30; i++)
        {
            var step = Open($"G{i}", Now, config: off);
            Assert.Single(step.Group.Operations.OfType<CreateIssue>());
            Assert.Same(IncidentDecision.Nothing, step.Ledger);
        }
    }

    [Fact]
    public void Past_the_threshold_a_critical_group_opens_its_own_issue_and_the_storm_issue_that_links_it()
    {
        OpenTen(Now);

        var critical = Open("DiskFull", Now, severity: "critical");

        Assert.Single(critical.Group.Operations.OfType<CreateIssue>());
        Assert.Single(critical.Ledger.Operations.OfType<CreateIssue>());
        Assert.True(critical.LinksOwnIssue);
        Assert.True(StormDecider.IsActive(_ledger));
        Assert.True(Open("Storm1", Now).Joins);
    }

    [Fact]
    public void A_critical_group_in_a_storm_opens_its_own_issue_and_is_linked_once_it_has_a_number()
    {
        OpenTen(Now);
        Open("Storm1", Now);

        var critical = Open("DiskFull", Now, severity: "critical");
        Assert.False(critical.Joins);
        Assert.True(critical.LinksOwnIssue);
        Assert.Single(critical.Group.Operations.OfType<CreateIssue>());

        Keep(StormDecider.Link(_ledger!, "DiskFull", 81));
        var flushed = StormDecider.Decide(_ledger!, Tick.Instance, Context(StormDecider.Key, Now.AddSeconds(30)));
        var update = Assert.Single(flushed.Operations.OfType<UpdateIssue>());
        Assert.Contains("- [ ] #81 ", update.Content, StringComparison.Ordinal);
        Assert.Equal("[STORM] 2 alert groups firing in operate-first/incidents", update.Title);
        Assert.True(update.Content!.IndexOf("### critical", StringComparison.Ordinal) < update.Content.IndexOf("### warning", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_is_rewritten_once_per_interval_and_the_storm_closes_with_a_summary_when_its_groups_resolve()
    {
        OpenTen(Now);
        Open("Storm1", Now);
        Open("Storm2", Now.AddSeconds(1));
        Assert.Same(IncidentDecision.Nothing, StormDecider.Decide(_ledger!, Tick.Instance, Context(StormDecider.Key, Now.AddSeconds(29))));

        var flush = StormDecider.Decide(_ledger!, Tick.Instance, Context(StormDecider.Key, Now.AddSeconds(30)));
        var update = Assert.Single(flush.Operations);
        Assert.Contains("Storm2", Assert.IsType<UpdateIssue>(update).Content, StringComparison.Ordinal);
        Keep(flush);
        Assert.Null(_ledger!.State.NextDueAt);

        foreach (var name in new[] { "Storm1", "Storm2" })
        {
            var member = new KnownIncident(TestIncidents.Firing with { Key = name, Firing = ["fp-" + name], StormIssue = StormIssue }, 0);
            var step = StormDecider.DecideMember(member, _ledger, Group(name, resolved: true), Context(name, Now.AddSeconds(40)));
            Assert.Empty(step.Group.Operations);
            Assert.Equal(AlertStatus.Resolved, step.Group.State!.Status);
            Keep(step.Ledger);
        }

        Assert.Same(IncidentDecision.Nothing, StormDecider.Decide(_ledger, Tick.Instance, Context(StormDecider.Key, Now.AddSeconds(59))));
        var end = StormDecider.Decide(_ledger, Tick.Instance, Context(StormDecider.Key, Now.AddSeconds(60)));
        var close = Assert.Single(end.Operations.OfType<UpdateIssue>());
        Assert.False(close.Open);
        Assert.Equal("[STORM] 2 alert groups fired in operate-first/incidents", close.Title);
        Assert.Contains("Storm over", Assert.Single(end.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        Assert.Equal(AlertStatus.Resolved, end.State!.Status);
        Assert.False(StormDecider.IsActive(new KnownIncident(end.State, StormIssue)));
    }

    [Fact]
    public void A_repeat_of_a_member_changes_nothing_and_an_alert_change_leaves_the_list_alone()
    {
        OpenTen(Now);
        Open("Storm1", Now);
        var member = new KnownIncident(TestIncidents.Firing with { Key = "Storm1", Firing = ["fp-Storm1"], StormIssue = StormIssue }, 0);

        var repeat = StormDecider.DecideMember(member, _ledger!, Group("Storm1"), Context("Storm1", Now.AddMinutes(5)));
        Assert.Same(IncidentDecision.Nothing, repeat.Group);
        Assert.Same(IncidentDecision.Nothing, repeat.Ledger);

        var changed = StormDecider.DecideMember(member with { State = member.State with { Firing = ["other"] } }, _ledger!, Group("Storm1"), Context("Storm1", Now.AddMinutes(5)));
        Assert.Equal(["fp-Storm1"], changed.Group.State!.Firing);
        Assert.Same(IncidentDecision.Nothing, changed.Ledger);
    }

    [Fact]
    public void Groups_past_the_markers_room_are_counted_and_the_body_stays_within_GitHubs_limit()
    {
        OpenTen(Now);
        var big = new string('x', 900);
        for (var i = 0; i < 60; i++)
        {
            Open($"G{i:D2}-{big}", Now.AddSeconds(1));
        }

        var storm = _ledger!.State.Storm!;
        Assert.Equal(60, storm.Groups);
        Assert.True(storm.Unlisted > 0);
        Assert.Equal(storm.Unlisted, storm.UnlistedFiring);
        var flush = StormDecider.Decide(_ledger, Tick.Instance, Context(StormDecider.Key, Now.AddMinutes(1)));
        var update = Assert.IsType<UpdateIssue>(Assert.Single(flush.Operations));
        var body = IssueBody.ReplaceSection("", update.Content, update.Marker!);
        Assert.True(body.Length <= IssueBody.GitHubMaxLength);
        Assert.Equal(60, IssueBody.ReadState(body)!.Storm!.Groups);
        Assert.Contains("not listed", update.Content, StringComparison.Ordinal);
        Assert.Equal("[STORM] 60 alert groups firing in operate-first/incidents", update.Title);
    }

    [Fact]
    public void Hostile_labels_neither_mention_nor_reference_and_the_owners_are_not_pinged()
    {
        OpenTen(Now);
        var config = IncidentConfigParser.Parse("""
            routes:
              - { matchers: ['alertname=~".+"'], assign: ["@alice"] }
            """).Config;

        var step = Open("@everyone #1 [x](javascript:alert(1))", Now, config: config);

        // The marker (an HTML comment) holds the labels as they are; what GitHub shows is the text before it.
        var body = Assert.Single(step.Ledger.Operations.OfType<CreateIssue>()).Issue.Body.Split("<!-- incident-app: {")[0];
        Assert.DoesNotContain("@everyone", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" #1 ", body, StringComparison.Ordinal);
        Assert.Contains(@"\[x\](javascript:", body, StringComparison.Ordinal);
        Assert.Contains("owner `@alice`", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_group_links_to_its_alerts_filtered_by_its_labels()
    {
        OpenTen(Now);
        var step = Open("Storm1", Now);

        var body = Assert.Single(step.Ledger.Operations.OfType<CreateIssue>()).Issue.Body;
        Assert.Contains("[alerts](http", body, StringComparison.Ordinal);
        Assert.Contains("/#/alerts?filter=%7Balertname%3D%22Storm1%22", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_names_one_firing_listed_group_by_alertname_or_labels_and_opens_it_from_its_kept_alerts()
    {
        OpenTen(Now);
        var joined = Open("Storm1", Now);
        Open("Storm2", Now);
        var storm = _ledger!.State.Storm!;

        Assert.Equal("Storm1", StormDecider.FindSplit(storm, new Dictionary<string, string> { ["alertname"] = "Storm1" }, []).Key);
        Assert.Null(StormDecider.FindSplit(storm, new Dictionary<string, string> { ["alertname"] = "Storm1" }, ["Storm1"]).Key);
        var several = StormDecider.FindSplit(storm, new Dictionary<string, string> { ["namespace"] = "opf-jupyterhub" }, []);
        Assert.Null(several.Key);
        Assert.StartsWith("2 groups", several.Message, StringComparison.Ordinal);
        var none = StormDecider.FindSplit(storm, new Dictionary<string, string> { ["alertname"] = "@everyone" }, []);
        Assert.Null(none.Key);
        Assert.DoesNotContain("@everyone", none.Message, StringComparison.Ordinal);

        var member = joined.Group.State! with { StormIssue = StormIssue };
        var split = StormDecider.OpenSplit(member, Context("Storm1", Now.AddMinutes(1)));
        var create = Assert.Single(split.Operations.OfType<CreateIssue>());
        Assert.Equal(["fp-Storm1"], split.State!.Firing);
        Assert.Null(split.State.StormIssue);
        Assert.Contains("Storm1", create.Issue.Body, StringComparison.Ordinal);
        Assert.Equal(member.Severity, split.State.Severity);

        // Without kept alerts (the Action), the issue opens from the group's labels and severity.
        var bare = StormDecider.OpenSplit(member with { StormAlerts = null, Severity = "info" }, Context("Storm1", Now.AddMinutes(1)));
        Assert.Equal("info", bare.State!.Severity);
        Assert.Single(bare.Operations.OfType<CreateIssue>());
    }

    [Fact]
    public void The_ledger_key_is_no_alert_groups_key()
    {
        var key = IncidentKey.Derive(new RepoRef("o", "r"), Group("storm"), []);
        Assert.NotEqual(StormDecider.Key, key);
        Assert.Equal(20, key.Length);
    }
}
