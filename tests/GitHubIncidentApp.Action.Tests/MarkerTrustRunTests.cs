using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>
/// The Action rebuilds its memory from the issues' markers on every run: only the issues its workflow
/// identity opened count, so a marker pasted into anyone else's issue steers nothing and pages nobody.
/// </summary>
public sealed class MarkerTrustRunTests : ActionRunTestBase
{
    protected override void Arrange() => Repo.SetFile(".github/incidents.yml", Schedules.Weekly);

    private static IncidentState DueNow(IncidentState state) => state with
    {
        Escalation = new EscalationProgress
        {
            Policy = "default",
            Steps = [new EscalationStepPlan(["@victim"], TimeSpan.FromMinutes(1))],
            Repeat = 10,
            DueAt = DateTimeOffset.UtcNow.AddHours(-1),
        },
    };

    [Fact]
    public async Task A_command_on_an_outsiders_issue_with_a_marker_does_nothing_and_says_why_in_the_log()
    {
        var issue = SeededIncident.Add(Repo, author: "mallory");
        var comment = Repo.AddComment(issue.Number, "alice", "/ack");

        var result = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, comment));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(Writes);
        Assert.Null(IssueBody.ReadState(Repo.Issue(issue.Number).Body)!.Acknowledged);
        Assert.Contains($"Issue #{issue.Number} in operate-first/incidents carries an incident marker but was opened by mallory, not by the app (github-actions[bot]); ignored", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_run_pages_nobody_for_a_forged_marker_with_steps_due_in_the_past()
    {
        var issue = SeededIncident.Add(Repo, DueNow, author: "mallory");

        var result = await Action.RunAsync(GitHub, "schedule", eventJson: "{}");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(Writes);
        Assert.Empty(Repo.Issue(issue.Number).Comments);
        Assert.Empty(Repo.Issue(issue.Number).Assignees);
    }

    [Fact]
    public async Task The_bot_login_input_names_whose_issues_hold_incidents()
    {
        var issue = SeededIncident.Add(Repo, author: "incidents-bot");
        var comment = Repo.AddComment(issue.Number, "alice", "/ack");
        var inputs = new Dictionary<string, string> { [ActionInputs.BotLogin] = "incidents-bot" };

        var result = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, comment), inputs);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("alice", IssueBody.ReadState(Repo.Issue(issue.Number).Body)!.Acknowledged!.By);
    }
}
