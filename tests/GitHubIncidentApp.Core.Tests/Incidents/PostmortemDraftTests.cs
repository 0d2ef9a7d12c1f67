using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary><c>/postmortem</c>: the template prefilled from the state, and escalation steps recorded for it.</summary>
public sealed class PostmortemDraftTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Now;

    /// <summary>Opened 12:00, paged at 12:15, acknowledged 12:18 by bob, a status and a note, resolved 12:50 by bob.</summary>
    internal static readonly IncidentState Story = TestIncidents.Firing with
    {
        Severity = "critical",
        GroupLabels = new Dictionary<string, string> { ["alertname"] = "JupyterHubDown", ["namespace"] = "opf-jupyterhub" },
        Acknowledged = new Acknowledgement("bob", Now.AddMinutes(-42)),
        Timeline =
        [
            new TimelineEntry(Now.AddMinutes(-45), "", "escalation", "step 2 of 3 of the default policy: @carol"),
            new TimelineEntry(Now.AddMinutes(-30), "bob", "identified", "a bad deploy of the hub"),
            new TimelineEntry(Now.AddMinutes(-20), "alice", "note", "rolled back to v1.2"),
        ],
    };

    internal static CommentDecision Run(string body, IncidentState state, IncidentConfig? config = null, RepoPermission permission = RepoPermission.Triage, IReadOnlyList<string>? labels = null, bool open = true)
    {
        var comment = new IssueCommentEvent
        {
            DeliveryId = "d1",
            Sender = new GitHubActor("alice", false),
            Repo = TestIncidents.Repo,
            Action = "created",
            CommentId = 99,
            Body = body,
            Issue = new IssueSnapshot { Number = 12, Title = "t", Body = "", IsOpen = open, Labels = labels ?? ["incident", "severity/critical"], Assignees = ["bob"] },
        };
        return CommandDecider.Decide(TestIncidents.Known(state), new CommentCommands(comment, CommandParser.Parse(body), permission), TestIncidents.Context(config));
    }

    [Fact]
    public void Postmortem_posts_the_prefilled_template_labels_the_issue_and_records_it()
    {
        var resolved = Story.ResolvedByPerson("bob", Now.AddMinutes(-10), byHand: false);

        var decision = Run("/postmortem", resolved);

        Assert.True(decision.AllSucceeded);
        Assert.Contains(PostmortemDecider.LabelSpec, Assert.Single(decision.Operations.OfType<EnsureLabels>()).Labels);
        Assert.Equal(["post-mortem"], Assert.Single(decision.Operations.OfType<UpdateIssue>()).AddLabels);
        var draft = Assert.IsType<CommentOnIssue>(decision.Operations[^1]).Body;
        Assert.Equal(Now, decision.State.PostmortemAt);
        Assert.Contains("| **Severity** | CRITICAL |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Acknowledged** | 2026-11-24 12:18 UTC by bob |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Resolved** | 2026-11-24 12:50 UTC by bob |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Time to acknowledge** | 18m |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Time to resolve** | 50m |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Assigned** | bob |", draft, StringComparison.Ordinal);
        Assert.Contains("- alertname=JupyterHubDown", draft, StringComparison.Ordinal);
        Assert.Contains("- namespace=opf-jupyterhub", draft, StringComparison.Ordinal);
        Assert.Contains("Still firing: 1 alert (fp1)", draft, StringComparison.Ordinal);
        string[] timeline =
        [
            "- 2026-11-24 12:00 UTC · **opened**",
            "- 2026-11-24 12:15 UTC · **escalation**: step 2 of 3 of the default policy: ",
            "- 2026-11-24 12:18 UTC · bob · **acknowledged**",
            "- 2026-11-24 12:30 UTC · bob · **identified**: a bad deploy of the hub",
            "- 2026-11-24 12:40 UTC · alice · **note**: rolled back to v1.2",
            "- 2026-11-24 12:50 UTC · bob · **resolved**",
        ];
        var at = timeline.Select(line => draft.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain("closed", decision.Outcomes[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_names_who_was_on_call_when_it_started_and_says_when_alerts_resolved_it()
    {
        var config = IncidentConfigParser.Parse("""
            oncall:
              rotations:
                primary: { members: [alice, bob], start: 2026-11-23T09:00, shift: 1w }
            """).Config;
        var resolvedByAlerts = Story with { Status = AlertStatus.Resolved, Firing = [], ResolvedAt = Now.AddMinutes(-5) };

        var draft = PostmortemDecider.Draft(resolvedByAlerts, [], TestIncidents.Context(config));

        Assert.Contains("| **On call** | alice |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Resolved** | 2026-11-24 12:55 UTC (alerts resolved) |", draft, StringComparison.Ordinal);
        Assert.Contains("**resolved**: the alerts resolved", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Still firing", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_firing_incident_gets_a_draft_without_a_resolution_and_its_resolve_note_once()
    {
        var noted = Story.ResolvedByPerson("bob", Now, byHand: false).WithTimelineEntry(new TimelineEntry(Now, "bob", "resolved", "hub healthy"));

        var draft = PostmortemDecider.Draft(noted, [], TestIncidents.Context());
        var firing = PostmortemDecider.Draft(Story, [], TestIncidents.Context());

        Assert.Single(PostmortemDecider.Timeline(noted), entry => entry.Kind == "resolved");
        Assert.Contains("**resolved**: hub healthy", draft, StringComparison.Ordinal);
        Assert.Contains("| **Resolved** | not yet |", firing, StringComparison.Ordinal);
        Assert.Contains("| **Time to resolve** | — |", firing, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_people_wrote_cannot_mention_reference_or_inject_html_in_the_draft()
    {
        var hostile = Story.WithTimelineEntry(new TimelineEntry(Now, "mallory", "note", "@everyone see #1 <img src=x onerror=alert(1)> [x](javascript:alert(1))"));

        var draft = PostmortemDecider.Draft(hostile, [], TestIncidents.Context());

        Assert.DoesNotContain("@everyone", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("#1 ", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("[x](javascript", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_triage_may_run_it_and_it_takes_no_arguments()
    {
        var reader = Run("/postmortem", Story, permission: RepoPermission.Read);
        var withText = Run("/postmortem now please", Story);

        Assert.False(reader.AllSucceeded);
        Assert.Empty(reader.Operations);
        Assert.False(withText.AllSucceeded);
        Assert.Empty(withText.Operations);
    }

    [Fact]
    public void A_repository_template_renders_it_in_the_sandbox_and_a_runaway_one_falls_back_to_the_built_in()
    {
        var own = new IncidentRenderer(new TemplateSources(Postmortem: "PM {{ key }} ttr={{ time_to_resolve }} {{ for e in timeline }}[{{ e.kind }}]{{ end }}"));
        var runaway = new IncidentRenderer(new TemplateSources(Postmortem: "{{ while true }}x{{ end }}") { PostmortemPath = ".github/pm.scriban" });
        var view = PostmortemDecider.View(Story.ResolvedByPerson("bob", Now, byHand: false), [], TestIncidents.Context());

        Assert.Equal("PM key-1 ttr=1h [opened][escalation][acknowledged][identified][note][resolved]", own.RenderPostmortem(view).Text);
        var fallback = runaway.ForDelivery().RenderPostmortem(view);
        Assert.StartsWith("## 📝 Post-mortem", fallback.Text, StringComparison.Ordinal);
        Assert.Contains(".github/pm.scriban", Assert.Single(fallback.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fired_escalation_step_is_kept_in_the_timeline_with_whom_it_paged()
    {
        var config = IncidentConfigParser.Parse("""
            oncall:
              rotations:
                primary: { members: [alice, bob], start: 2026-11-23T09:00, shift: 1w }
            escalation:
              default:
                steps:
                  - { notify: primary, wait: 15m }
                  - { notify: "@operate-first/sre-leads" }
            """).Config;
        var state = TestIncidents.Firing with
        {
            Escalation = new EscalationProgress { Policy = "default", Steps = [new(["primary"], TimeSpan.FromMinutes(15)), new(["@operate-first/sre-leads"], null)], Step = 1, DueAt = Now },
        };

        var fired = EscalationDecider.Decide(TestIncidents.Known(state), Tick.Instance, TestIncidents.Context(config)).Decision.State!;

        var entry = Assert.Single(fired.Timeline);
        Assert.Equal(new TimelineEntry(Now, "", "escalation", "step 2 of 2 of the default policy: @operate-first/sre-leads"), entry);
        Assert.Contains("UTC · **escalation** —", IssueBody.Section("content", fired), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_template_is_embedded_and_passes_its_sample()
    {
        Assert.Empty(TemplateSyntax.SampleFailures(TemplateKind.Postmortem, BuiltInTemplates.Get(TemplateKind.Postmortem)));
        Assert.Equal(["on a sample 'postmortem' incident, the template renders nothing"], TemplateSyntax.SampleFailures(TemplateKind.Postmortem, "{{ if timeline.size > 99 }}x{{ end }}"));
    }
}
