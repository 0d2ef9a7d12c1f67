using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

// /silence, /unsilence and a silence's end, decided and settled without Alertmanager.
public sealed partial class CommandDeciderTests
{
    private const string SilenceUrl = "http://am:9093/#/silences/0123456789abcdef";

    private static readonly IncidentState Grouped = TestIncidents.Firing with
    {
        GroupLabels = new Dictionary<string, string> { ["namespace"] = "shop", ["alertname"] = "ServiceDown" },
    };

    private static readonly ActiveSilence Earlier = new("fedcba9876543210", Now.AddHours(1), "bob") { Url = "http://am:9093/#/silences/fedcba9876543210" };

    private static CommentDecision DecideSilence(string body, IncidentState? state = null, RepoPermission permission = RepoPermission.Triage, string? off = null, IncidentConfig? config = null) =>
        Decide(body, state ?? Grouped, permission, labels: ["incident"], config: config, silencesOff: off);

    private static CommentDecision Created(CommentDecision decision, IncidentState? before = null, string? failure = null) =>
        CommandDecider.Settle(decision, new SilenceResult { CreatedId = "0123456789abcdef", CreatedUrl = SilenceUrl, Ended = decision.Silence!.Ended is null ? null : failure is null, Failure = failure }, before ?? Grouped);

    [Fact]
    public void Silence_covers_the_group_labels_then_keeps_the_id_the_reply_links_to()
    {
        var decision = DecideSilence("/silence 2h");

        var create = Assert.IsType<CreateSilence>(Assert.Single(decision.Silence!.Operations));
        Assert.Equal(["alertname=\"ServiceDown\"", "namespace=\"shop\""], create.Request.Matchers.Select(m => m.ToString()));
        Assert.Equal((Now, Now.AddHours(2), "alice", IssueUrl), (create.Request.StartsAt, create.Request.EndsAt, create.Request.CreatedBy, create.Request.Comment));

        var settled = Created(decision);
        Assert.Equal(new ActiveSilence("0123456789abcdef", Now.AddHours(2), "alice") { Url = SilenceUrl }, settled.State.Silence);
        Assert.Equal(settled.State, Assert.Single(settled.Operations.OfType<UpdateIssue>()).Marker);
        var line = Assert.Single(settled.Outcomes);
        Assert.True(line.Succeeded);
        Assert.Equal(
            $"Silenced in Alertmanager for 2h, until 2026-11-24 15:00 UTC: silence [`01234567`]({SilenceUrl}) matching `{{alertname=\"ServiceDown\", namespace=\"shop\"}}`. If the alerts still fire when it ends, this issue says so.",
            line.Message);
        Assert.Equal(Now.AddHours(2), settled.State.NextDueAt);
    }

    [Fact]
    public void A_wide_matcher_only_narrows_the_group_labels()
    {
        var decision = DecideSilence("/silence 1h alertname=~\".+\", namespace!=\"\"");

        var request = Assert.IsType<CreateSilence>(Assert.Single(decision.Silence!.Operations)).Request;
        Assert.Equal(["alertname=\"ServiceDown\"", "namespace=\"shop\"", "alertname=~\".+\"", "namespace!=\"\""], request.Matchers.Select(m => m.ToString()));
        Assert.Contains("Your matchers only narrow it", Assert.Single(Created(decision).Outcomes).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/silence", "`/silence` needs a duration, such as `/silence 2h`")]
    [InlineData("/silence 8d", "`8d` is not a duration from 1m to 1w (this repository's longest silence)")]
    [InlineData("/silence 30s", "`30s` is not a duration from 1m to 1w")]
    [InlineData("/silence soon", "`soon` is not a duration")]
    [InlineData("/silence 1h pod=~\"(\"", "the matchers `pod=~\"(\"` are not Alertmanager's syntax: column 6: the regular expression")]
    [InlineData("/silence 1h pod", "the matchers `pod` are not Alertmanager's syntax: column 4: expected an operator")]
    public void Bad_input_is_refused_saying_what_is_wrong(string body, string start)
    {
        var decision = DecideSilence(body);

        Assert.Null(decision.Silence);
        Assert.Empty(decision.Operations);
        var line = Assert.Single(decision.Outcomes);
        Assert.False(line.Succeeded);
        Assert.StartsWith(start, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_may_shorten_the_longest_silence()
    {
        var config = IncidentConfigParser.Parse("silence:\n  max_duration: 1d\n").Config;

        var decision = DecideSilence("/silence 2d", config: config);

        Assert.StartsWith("`2d` is not a duration from 1m to 1d (this repository's longest silence)", Assert.Single(decision.Outcomes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_triage_role_nothing_is_silenced()
    {
        var decision = DecideSilence("/silence 1h", permission: RepoPermission.Read);

        Assert.Null(decision.Silence);
        Assert.Equal("`/silence` needs the **triage** role; @alice has **read**.", Assert.Single(decision.Outcomes).Message);
    }

    [Fact]
    public void Without_Alertmanager_the_reply_says_what_to_set()
    {
        var decision = DecideSilence("/silence 1h\n/unsilence", Grouped with { Silence = Earlier }, off: "set ALERTMANAGER_URL");

        Assert.Null(decision.Silence);
        Assert.Equal([(false, "set ALERTMANAGER_URL"), (false, "set ALERTMANAGER_URL")], decision.Outcomes.Select(o => (o.Succeeded, o.Message)));
        Assert.Empty(decision.Operations);
    }

    [Fact]
    public void An_incident_without_group_labels_is_not_silenced()
    {
        var decision = DecideSilence("/silence 1h alertname=\"x\"", TestIncidents.Firing);

        Assert.Null(decision.Silence);
        Assert.StartsWith("this incident has no group labels", Assert.Single(decision.Outcomes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_silence_replaces_the_first()
    {
        var before = Grouped with { Silence = Earlier };
        var decision = DecideSilence("/silence 4h", before);

        Assert.Equal(["CreateSilence", "ExpireSilence"], decision.Silence!.Operations.Select(op => op.GetType().Name));
        Assert.Equal(Earlier.Id, decision.Silence.Operations.OfType<ExpireSilence>().Single().Id);
        var settled = Created(decision, before);
        Assert.Equal("0123456789abcdef", settled.State.Silence!.Id);
        Assert.Contains($"It replaces the earlier silence [`fedcba98`]({Earlier.Url}).", Assert.Single(settled.Outcomes).Message, StringComparison.Ordinal);

        var halfDone = Created(decision, before, failure: "no answer");
        Assert.Equal("0123456789abcdef", halfDone.State.Silence!.Id);
        Assert.Contains("⚠️ The earlier silence [`fedcba98`]", Assert.Single(halfDone.Outcomes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_silence_leaves_the_state_as_it_was_and_says_why()
    {
        var decision = DecideSilence("/silence 1h");

        var settled = CommandDecider.Settle(decision, new SilenceResult { Failure = "Alertmanager did not answer" }, Grouped);

        Assert.Equal(Grouped, settled.State);
        Assert.False(settled.StateChanged);
        Assert.Empty(settled.Operations);
        Assert.Equal((false, "Alertmanager did not take the silence: Alertmanager did not answer"), (settled.Outcomes[0].Succeeded, settled.Outcomes[0].Message));
    }

    [Fact]
    public void Unsilence_ends_the_silence_and_one_per_comment()
    {
        var before = Grouped with { Silence = Earlier };
        var decision = DecideSilence("/unsilence\n/silence 1h", before);

        Assert.Equal(Earlier.Id, Assert.IsType<ExpireSilence>(Assert.Single(decision.Silence!.Operations)).Id);
        Assert.StartsWith("a comment may hold one `/silence` or `/unsilence`", decision.Outcomes[1].Message, StringComparison.Ordinal);

        var settled = CommandDecider.Settle(decision, new SilenceResult { Ended = true }, before);
        Assert.Null(settled.State.Silence);
        Assert.Null(Assert.Single(settled.Operations.OfType<UpdateIssue>()).Marker!.Silence);
        Assert.Equal($"Ended the silence [`fedcba98`]({Earlier.Url}) in Alertmanager: the incident's alerts notify again.", settled.Outcomes[0].Message);

        var failed = CommandDecider.Settle(decision, new SilenceResult { Failure = "refused" }, before);
        Assert.Equal(Earlier, failed.State.Silence);
        Assert.False(failed.Outcomes[0].Succeeded);
    }

    [Fact]
    public void Unsilence_without_a_silence_changes_nothing()
    {
        var decision = DecideSilence("/unsilence");

        Assert.Null(decision.Silence);
        Assert.Equal((true, "No silence set from this issue is in force."), (decision.Outcomes[0].Succeeded, decision.Outcomes[0].Message));
    }

    [Fact]
    public void A_silence_that_ends_while_the_alerts_fire_gets_a_comment()
    {
        var silenced = Grouped with { Silence = Earlier };

        Assert.Same(IncidentDecision.Nothing, SilenceDecider.Decide(TestIncidents.Known(silenced), Tick.Instance, TestIncidents.Context(now: Earlier.EndsAt.AddSeconds(-1))));

        var ended = SilenceDecider.Decide(TestIncidents.Known(silenced), Tick.Instance, TestIncidents.Context(now: Earlier.EndsAt));
        Assert.Null(ended.State!.Silence);
        Assert.Null(ended.State.NextDueAt);
        var comment = Assert.IsType<CommentOnIssue>(ended.Operations[0]);
        Assert.Equal($"🔔 The silence [`fedcba98`]({Earlier.Url}) set by @bob ended at 2026-11-24 14:00 UTC while the incident's alerts still fire: Alertmanager notifies of them again. `/silence <duration>` silences them anew.", comment.Body);

        var resolved = silenced with { Status = "resolved", ResolvedAt = Now };
        var quiet = SilenceDecider.Decide(TestIncidents.Known(resolved), Tick.Instance, TestIncidents.Context(now: Earlier.EndsAt));
        Assert.IsType<UpdateIssue>(Assert.Single(quiet.Operations));
        Assert.Null(quiet.State!.Silence);
    }

    [Fact]
    public void The_bot_section_shows_the_silence_and_keeps_its_content_across_rewrites()
    {
        var state = Grouped with { Silence = Earlier };
        var body = IssueBody.ReplaceSection("people's notes", "## Alerts", state);

        Assert.Contains($"🔕 **Silenced** in Alertmanager until 2026-11-24 14:00 UTC by @bob: silence [`fedcba98`]({Earlier.Url}); `/unsilence` ends it.", body, StringComparison.Ordinal);
        Assert.Equal(body, IssueBody.ReplaceSection(body, null, state));
        Assert.DoesNotContain("Silenced", IssueBody.ReplaceSection(body, null, Grouped), StringComparison.Ordinal);
        Assert.Equal(state.ToJson(), IssueBody.ReadState(body)!.ToJson());
    }
}
