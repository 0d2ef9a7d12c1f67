using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>The Action's program run as a process against the fake GitHub, with the workflow's token.</summary>
public sealed partial class ActionRunTests : ActionRunTestBase
{
    [Fact]
    public async Task An_ack_comment_acknowledges_the_incident_and_reports_it()
    {
        var issue = SeededIncident.Add(Repo);
        var comment = Repo.AddComment(issue.Number, "alice", "On it.\n/ack");

        var result = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, comment));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("alice", IssueBody.ReadState(Repo.Issue(issue.Number).Body)!.Acknowledged!.By);
        Assert.Equal(["eyes", "rocket"], Repo.Comment(comment.Id).Reactions);
        Assert.Equal(issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Outputs(result)["incident-number"]);
        Assert.All(GitHub.Requests, r => Assert.Equal($"token {ActionProcess.Token}", r.Authorization, ignoreCase: true));
    }

    [Fact]
    public async Task A_repository_dispatch_opens_an_issue_and_writes_outputs_between_random_delimiters()
    {
        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var issue = Assert.Single(Repo.Issues, i => i.Labels.Contains("incident"));
        var format = OutputsFormat().Match(result.Outputs);
        Assert.True(format.Success, result.Outputs);
        Assert.Equal(issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), format.Groups["number"].Value);
        Assert.Equal($"https://github.example.com/operate-first/incidents/issues/{issue.Number}", format.Groups["url"].Value);
        Assert.Equal(Writes.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), format.Groups["operations"].Value);
        Assert.Equal(3, format.Groups["delimiter"].Captures.Select(c => c.Value).Distinct().Count());
        Assert.Contains($"operate-first/incidents#{issue.Number}", result.Summary, StringComparison.Ordinal);
        Assert.Contains("::group::", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_dispatch_with_the_payload_input_opens_an_issue()
    {
        var dispatch = new System.Text.Json.Nodes.JsonObject
        {
            ["inputs"] = new System.Text.Json.Nodes.JsonObject { ["payload"] = Fixtures.Alertmanager("firing-critical") },
        };

        var result = await Action.RunAsync(GitHub, "workflow_dispatch", dispatch.ToJsonString());

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Single(Repo.Issues, i => i.Labels.Contains("incident"));
    }

    [Fact]
    public async Task A_scheduled_run_fires_a_due_escalation_step_once()
    {
        Repo.SetFile(".github/incidents.yml", Schedules.Weekly);
        var issue = SeededIncident.Add(Repo, state => state with
        {
            Escalation = new EscalationProgress
            {
                Policy = "default",
                Steps = [new EscalationStepPlan(["@operate-first/sre-leads"], null)],
                DueAt = DateTimeOffset.UtcNow.AddMinutes(-7),
            },
        });

        var first = await Action.RunAsync(GitHub, "schedule", eventJson: "{}");
        var second = await Action.RunAsync(GitHub, "schedule", eventJson: "{}");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Stdout + second.Stdout);
        var escalation = Assert.Single(Repo.Issue(issue.Number).Comments);
        Assert.Contains("Escalating (step 1 of 1", escalation.Body, StringComparison.Ordinal);
        Assert.Contains("@operate-first/sre-leads", escalation.Body, StringComparison.Ordinal);
        Assert.Equal("0", Outputs(second)["operations"]);
    }

    [Fact]
    public async Task A_dry_run_reads_with_the_token_but_writes_nothing_and_says_what_it_would_do()
    {
        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")),
            new Dictionary<string, string> { [ActionInputs.DryRun] = "true" });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains(GitHub.Requests, r => r.Path.EndsWith("/contents/.github/incidents.yml", StringComparison.Ordinal));
        Assert.Empty(Writes);
        Assert.Empty(Repo.Issues);
        Assert.Contains("dry-run: would create issue in operate-first/incidents as #1", result.Stdout, StringComparison.Ordinal);
        Assert.NotEqual("0", Outputs(result)["operations"]);
        Assert.Contains("dry run", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_reads_an_existing_incident_and_reports_the_update_it_would_make()
    {
        Repo.SetFile(".github/incidents.yml", Schedules.Weekly);
        var issue = SeededIncident.Add(Repo, state => state with
        {
            Escalation = new EscalationProgress { Policy = "default", Steps = [new EscalationStepPlan(["@operate-first/sre-leads"], null)], DueAt = DateTimeOffset.UtcNow.AddMinutes(-7) },
        });
        var before = Repo.Issue(issue.Number);

        var result = await Action.RunAsync(GitHub, "schedule", eventJson: "{}", new Dictionary<string, string> { [ActionInputs.DryRun] = "true" });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(Writes);
        Assert.Equal(before, Repo.Issue(issue.Number));
        Assert.Contains($"dry-run: would comment on operate-first/incidents#{issue.Number}: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"dry-run: would update operate-first/incidents#{issue.Number}: body=(", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"- comment on #{issue.Number}", result.Summary, StringComparison.Ordinal);
        Assert.Contains(", not made:", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_without_a_token_reads_nothing_and_says_so()
    {
        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")),
            new Dictionary<string, string> { [ActionInputs.DryRun] = "true", [ActionInputs.Token] = "" });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(GitHub.Requests);
        Assert.Contains("::notice::Dry run without a token: nothing is read from GitHub either", result.Stdout, StringComparison.Ordinal);
        Assert.NotEqual("0", Outputs(result)["operations"]);
    }

    [Fact]
    public async Task A_bad_event_file_fails_the_step_with_a_message_saying_what_to_fix()
    {
        var result = await Action.RunAsync(GitHub, "issue_comment", "{ not json");

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Matches(@"::error::The event file .*event\.json is not a usable 'issue_comment' payload: the body is not valid JSON", result.Stdout);
        Assert.Contains("**Failed.**", result.Summary, StringComparison.Ordinal);
        Assert.Empty(Writes);
    }

    [Fact]
    public async Task A_GitHub_failure_fails_the_step_and_points_at_the_workflow_permissions()
    {
        GitHub.FailWith = request => request.Method == "POST" && request.Path.EndsWith("/issues", StringComparison.Ordinal) ? 403 : null;

        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")));

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Matches(@"::error::A GitHub call failed: POST /repos/operate-first/incidents/issues failed with 403.*permissions:", result.Stdout);
    }

    [Fact]
    public async Task The_config_input_is_the_path_read_and_named_in_every_message()
    {
        Repo.SetFile(".github/incidents.yml", "incident_label: elsewhere\n");
        Repo.SetFile(".github/custom-incidents.yml", "incident_label: incident\nseverity_policy: 12\n");

        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")),
            new Dictionary<string, string> { [ActionInputs.Config] = ".github/custom-incidents.yml" });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Matches(@"::error file=\.github/custom-incidents\.yml,line=2,col=\d+::", result.Stdout);
        var issue = Assert.Single(Repo.Issues);
        Assert.Contains("incident", issue.Labels);
        Assert.Contains(".github/custom-incidents.yml:2:", issue.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(".github/incidents.yml", result.Stdout + issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_fails_before_any_call_and_says_how_to_fix_it()
    {
        var result = await Action.RunAsync(GitHub, "schedule", eventJson: null, new Dictionary<string, string> { [ActionInputs.Token] = "" });

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Contains("::error::the token input is empty", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task An_unreachable_Alertmanager_fails_the_run_and_changes_nothing()
    {
        var issue = SeededIncident.Add(Repo, state => state with
        {
            Escalation = new EscalationProgress { Policy = "default", Steps = [new EscalationStepPlan(["@operate-first/sre"], null)], DueAt = DateTimeOffset.UtcNow.AddMinutes(-1) },
        });
        var nobody = new Uri($"http://127.0.0.1:{UnusedPort()}/");

        var result = await Action.RunAsync(GitHub, "schedule", eventJson: "{}", new Dictionary<string, string> { [ActionInputs.AlertmanagerUrl] = nobody.AbsoluteUri });

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Contains($"::error::Could not read the alerts from Alertmanager at GET {nobody}api/v2/alerts/groups: there was no answer", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Check the alertmanager-url input", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(Writes);
        Assert.True(Repo.Issue(issue.Number).IsOpen);
    }

    [Fact]
    public async Task An_answer_that_is_not_alert_groups_fails_the_run_and_changes_nothing()
    {
        SeededIncident.Add(Repo);

        // The fake GitHub answers 404 with a JSON error: a wrong URL, not an empty list of alerts.
        var result = await Action.RunAsync(GitHub, "schedule", eventJson: "{}", new Dictionary<string, string> { [ActionInputs.AlertmanagerUrl] = GitHub.BaseUrl.AbsoluteUri });

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Matches(@"::error::Could not read the alerts from Alertmanager at GET \S+api/v2/alerts/groups: it answered 404 NotFound", result.Stdout);
        Assert.Empty(Writes);
    }

    private static Dictionary<string, string> Outputs(ActionResult result) =>
        OutputPattern().Matches(result.Outputs).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(?<name>[a-z-]+)<<(?<delimiter>ghadelimiter_[0-9a-f-]{36})\n(?<value>.*?)\n\k<delimiter>\n", RegexOptions.Singleline)]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"\Aincident-number<<(?<delimiter>ghadelimiter_[0-9a-f-]{36})\n(?<number>\d+)\n\k<delimiter>\nincident-url<<(?<delimiter>ghadelimiter_[0-9a-f-]{36})\n(?<url>\S+)\n\k<delimiter>\noperations<<(?<delimiter>ghadelimiter_[0-9a-f-]{36})\n(?<operations>\d+)\n\k<delimiter>\n\z")]
    private static partial Regex OutputsFormat();
}
