using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class PinDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static IncidentContext Context(IncidentConfig config) => new()
    {
        Repo = new RepoRef("acme", "api"),
        Key = "k",
        Config = config,
        Renderer = new IncidentRenderer(TemplateSources.BuiltIn),
        Now = Now,
    };

    private static IncidentState State(string severity, string status = AlertStatus.Firing, DateTimeOffset? pinnedAt = null) => new()
    {
        Key = "k",
        Status = status,
        Firing = status == AlertStatus.Firing ? ["f1"] : [],
        Severity = severity,
        StartedAt = Now.AddHours(-1),
        PinnedAt = pinnedAt,
    };

    [Fact]
    public void A_new_critical_issue_is_pinned_and_its_marker_says_when()
    {
        var state = State("critical");
        var open = new IncidentDecision([new CreateIssue(new NewIssue { Title = "t", Body = IssueBody.Section("content", state) })], state);

        var decision = PinDecider.Decide(open, Context(IncidentConfig.Default));

        Assert.IsType<PinIssue>(decision.Operations[^1]);
        Assert.Equal(Now, decision.State!.PinnedAt);
        Assert.Equal(Now, IssueBody.ReadState(Assert.IsType<CreateIssue>(decision.Operations[0]).Issue.Body)!.PinnedAt);
    }

    [Fact]
    public void The_apps_pin_is_taken_off_once_resolved_and_nothing_is_unpinned_that_the_app_did_not_pin()
    {
        var pinned = new IncidentDecision([new UpdateIssue { Open = false, Marker = State("critical", AlertStatus.Resolved, Now) }], State("critical", AlertStatus.Resolved, Now));
        var unpinned = PinDecider.Decide(pinned, Context(IncidentConfig.Default));
        Assert.IsType<UnpinIssue>(unpinned.Operations[^1]);
        Assert.Null(unpinned.State!.PinnedAt);
        Assert.Null(Assert.IsType<UpdateIssue>(unpinned.Operations[0]).Marker!.PinnedAt);

        var neverPinned = new IncidentDecision([], State("critical", AlertStatus.Resolved));
        Assert.Same(neverPinned, PinDecider.Decide(neverPinned, Context(IncidentConfig.Default)));
    }

    [Theory]
    [InlineData("warning", true)]
    [InlineData("critical", false)]
    public void Below_the_top_level_or_with_pin_false_nothing_is_pinned(string severity, bool pin)
    {
        var decision = new IncidentDecision([], State(severity));

        Assert.Same(decision, PinDecider.Decide(decision, Context(IncidentConfig.Default with { Pin = pin })));
    }
}
