using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Deliveries from Alertmanager, through the running app, to issues on the fake GitHub.</summary>
public sealed class AlertLifecycleTests : AppTestBase
{
    [Fact]
    public async Task A_whole_lifecycle_costs_three_issue_writes_and_one_read()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-truncated"));
        // A new database lists the repository's incident issues once, in case it replaces a lost one.
        Assert.Equal(
            ["GET /repos/operate-first/incidents/issues", "POST /repos/operate-first/incidents/issues"],
            GitHub.IssueCalls().Select(r => $"{r.Method} {r.Path}"));
        GitHub.ClearRequests();

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var opened = Assert.Single(Repo.Issues, i => i.Title.Contains("JupyterHub", StringComparison.Ordinal));
        Assert.Equal(["incident", "severity/critical"], opened.Labels);
        Assert.Contains("JupyterHub is down", opened.Title, StringComparison.Ordinal);
        Assert.Single(GitHub.IssueCalls());

        for (var i = 0; i < 10; i++)
        {
            await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        }

        Assert.Single(GitHub.IssueCalls());

        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        var closed = Repo.Issue(opened.Number);
        Assert.Equal("closed", closed.State);
        Assert.Equal("completed", closed.StateReason);
        Assert.Equal(["incident", "severity/critical", "resolved"], closed.Labels);
        Assert.Contains("resolved", Assert.Single(closed.Comments).Body, StringComparison.OrdinalIgnoreCase);
        // The resolution reads the issue before it changes labels: people may have labelled it since the app last looked.
        Assert.Equal(["POST", "GET", "PATCH", "POST"], GitHub.IssueCalls().Select(r => r.Method));

        // Token, config file and labels were read for the first delivery and are not read again.
        Assert.Equal(0, GitHub.Count("POST", "^/app/installations/1001/access_tokens$"));
        Assert.Equal(0, GitHub.Count("GET", "/contents/"));
        Assert.Equal(0, GitHub.Count("GET", "^/repos/operate-first/incidents/labels$"));
        Assert.Equal(["incident", "severity/warning", "severity/critical", "resolved"], Repo.Labels.Select(l => l.Name));
        Assert.Equal("b60205", Repo.Labels.Single(l => l.Name == "severity/critical").Color);
    }

    [Fact]
    public async Task Firing_again_within_the_window_reopens_the_same_issue()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var issue = Assert.Single(Repo.Issues);
        Assert.Equal("open", issue.State);
        Assert.DoesNotContain("resolved", issue.Labels);
        Assert.Equal(2, issue.Comments.Count);
    }

    [Fact]
    public async Task New_alerts_are_commented_and_people_text_in_the_body_is_kept()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var issue = Assert.Single(Repo.Issues);
        Repo.EditIssue(issue.Number, new FakeIssuePatch { Body = "Investigating: it is the database.\n\n" + issue.Body + "\n\nTimeline kept by hand." });
        GitHub.ClearRequests();

        await App.DeliverAsync(Payloads.WithSecondAlert(Fixtures.Alertmanager("firing-critical"), "hub-2:8081"));

        issue = Assert.Single(Repo.Issues);
        Assert.StartsWith("Investigating: it is the database.\n\n", issue.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n\nTimeline kept by hand.", issue.Body, StringComparison.Ordinal);
        Assert.Contains("hub-2:8081", issue.Body, StringComparison.Ordinal);
        Assert.Contains("hub-2:8081", Assert.Single(issue.Comments).Body, StringComparison.Ordinal);
        Assert.Equal(["GET", "PATCH", "POST"], GitHub.IssueCalls().Select(r => r.Method));
    }

    [Fact]
    public async Task The_repo_label_picks_the_repository_and_no_repository_is_a_422()
    {
        GitHub.AddInstallation("other-org", 2002);
        GitHub.Repo("other-org", "superset");
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { ["ALLOWED_REPOS"] = "operate-first/*, other-org/superset" });
        var labelled = Payloads.WithCommonLabel(Fixtures.Alertmanager("firing-truncated"), "repo", "other-org/superset");

        await App.DeliverAsync(labelled, "api/alertmanager");
        using var unrouted = await App.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"), "api/alertmanager");

        Assert.Empty(Repo.Issues);
        Assert.Single(GitHub.Repo("other-org", "superset").Issues);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, unrouted.StatusCode);
        Assert.Contains("DEFAULT_REPO", await unrouted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_index_is_rebuilt_from_the_issues_and_opens_no_duplicate()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var dataDir = App.DataDir;
        await App.DisposeAsync();
        foreach (var file in Directory.GetFiles(dataDir))
        {
            File.Delete(file);
        }

        App = await RunningApp.StartAsync(GitHub, dataDir);
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        var issue = Assert.Single(Repo.Issues);
        Assert.Equal("closed", issue.State);
    }

    [Fact]
    public async Task A_broken_config_file_still_opens_the_issue_and_says_what_is_wrong()
    {
        Repo.SetFile(".github/incidents.yml", "resolve:\n  reopen_window: soon\n");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var issue = Assert.Single(Repo.Issues);
        Assert.Contains(".github/incidents.yml:2", issue.Body, StringComparison.Ordinal);
        Assert.Contains("reopen_window", issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_delivery_finds_the_issue_its_first_attempt_opened_instead_of_opening_another()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-truncated"));
        var payload = AlertmanagerPayloadParser.Parse(Fixtures.Bytes("alertmanager/firing-critical.json")).Payload!;
        var key = IncidentKey.Derive(new RepoRef("operate-first", "incidents"), payload, []);
        var failures = 0;
        GitHub.FailWith = request =>
        {
            // The first attempt's create reaches GitHub (seeded below) but the app never hears back.
            if (request.Method != "POST" || request.Path != "/repos/operate-first/incidents/issues" || failures++ > 0)
            {
                return null;
            }

            Repo.AddIssue("[CRITICAL] JupyterHub is down", IssueBody.Section("opened before the crash", new IncidentState
            {
                Key = key,
                Status = "firing",
                Firing = ["1b426ae9ae5fb0ed"],
                Severity = "critical",
                StartedAt = payload.Alerts[0].StartsAt,
            }), ["incident", "severity/critical"], author: FakeGitHubServer.BotLogin);
            return 502;
        };

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        Assert.Equal(2, Repo.Issues.Count);
        var incident = Repo.Issues.Single(i => i.Title.Contains("JupyterHub", StringComparison.Ordinal));
        Assert.Equal("closed", incident.State);
    }
}
