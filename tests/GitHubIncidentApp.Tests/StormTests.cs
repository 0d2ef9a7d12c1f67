using System.Net;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>Storms through the running app with four workers, against the fake GitHub, on a clock the test moves.</summary>
public sealed class StormTests : AppTestBase
{
    private const string IssuesPath = "/repos/operate-first/incidents/issues";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    private FakeIssue Storm => Assert.Single(Repo.Issues, i => i.Labels.Contains("storm"));

    private int ContentRequests => GitHub.Requests.Count(r => r.Method == "POST" && (r.Path == IssuesPath || r.Path.EndsWith("/comments", StringComparison.Ordinal)));

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetRole("alice", "triage");
        Repo.SetFile(".github/incidents.yml", "storm: { threshold: 3, window: 2m }\n");
        // Slow issue creation widens every window in which two workers could both open a storm issue.
        GitHub.FaultWith = request =>
        {
            if (request.Method == "POST" && request.Path == IssuesPath)
            {
                Thread.Sleep(100);
            }

            return null;
        };
        return RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { ["WORKERS"] = "4" }, time: _clock);
    }

    /// <summary>Moves the clock past the storm's flush interval and the timer's tick, and lets the app do what became due.</summary>
    private async Task AdvanceAsync()
    {
        _clock.Advance(StormState.FlushInterval);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        await App.WaitUntilIdleAsync();
    }

    private async Task PostAllAsync(IEnumerable<string> payloads)
    {
        await Task.WhenAll(payloads.Select(async payload =>
        {
            using var response = await App.PostAlertsAsync(payload);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }));
        await App.WaitUntilIdleAsync();
    }

    private async Task OpenStormAsync(IReadOnlyList<string> warnings, IReadOnlyList<string> criticals)
    {
        foreach (var name in new[] { "Own1", "Own2", "Own3" })
        {
            await App.DeliverAsync(Payloads.Group(name, "warning"));
        }

        await PostAllAsync([.. warnings.Select(name => Payloads.Group(name, "warning")), .. criticals.Select(name => Payloads.Group(name, "critical"))]);
    }

    [Fact]
    public async Task A_burst_past_the_threshold_opens_one_storm_issue_that_lists_every_group_and_closes_when_they_resolve()
    {
        var warnings = Enumerable.Range(1, 20).Select(i => $"Burst{i:D2}").ToList();
        var criticals = Enumerable.Range(1, 4).Select(i => $"Critical{i}").ToList();
        await OpenStormAsync(warnings, criticals);

        // Three issues before the threshold, one per critical group, one storm issue: nothing else created content.
        Assert.Equal(3 + criticals.Count + 1, Repo.Issues.Count);
        Assert.Equal(Repo.Issues.Count, ContentRequests);
        Assert.Equal(["incident", "storm"], Storm.Labels.Take(2));

        await AdvanceAsync();
        var storm = Storm;
        Assert.Equal("[STORM] 24 alert groups firing in operate-first/incidents", storm.Title);
        Assert.All(warnings, name => Assert.Contains(name, storm.Body, StringComparison.Ordinal));
        var owns = criticals.Select(critical => Assert.Single(Repo.Issues, i => i.Body.Contains(critical, StringComparison.Ordinal) && !i.Labels.Contains("storm")).Number).ToList();
        Assert.All(owns, own => Assert.Contains($"- [ ] #{own} ", storm.Body, StringComparison.Ordinal));
        Assert.Equal(owns.Order(), storm.SubIssues.Order());

        // However many groups joined, the list was written in one edit.
        Assert.Single(GitHub.Requests, r => r.Method == "PATCH" && r.Path == $"{IssuesPath}/{storm.Number}");

        // A repeat of a member costs no GitHub request.
        var before = GitHub.Requests.Count;
        await PostAllAsync([Payloads.Group("Burst01", "warning")]);
        Assert.Equal(before, GitHub.Requests.Count);

        await PostAllAsync(warnings.Select(name => Payloads.Group(name, "warning", fixture: "resolved")));
        await AdvanceAsync();
        storm = Storm;
        Assert.False(storm.IsOpen);
        Assert.Equal("[STORM] 24 alert groups fired in operate-first/incidents", storm.Title);
        Assert.Contains("Storm over", Assert.Single(storm.Comments).Body, StringComparison.Ordinal);
        Assert.Equal(3 + criticals.Count + 1 + 1, ContentRequests);
    }

    [Fact]
    public async Task Where_GitHub_has_no_sub_issues_the_storm_issues_task_list_links_the_critical_groups()
    {
        Repo.SubIssuesUnsupported = true;
        await OpenStormAsync(["Burst1"], ["Critical1", "Critical2"]);

        await AdvanceAsync();
        var owns = Repo.Issues.Where(i => i.Title.Contains("Critical", StringComparison.Ordinal) || i.Body.Contains("Critical", StringComparison.Ordinal)).Where(i => !i.Labels.Contains("storm")).ToList();
        Assert.Equal(2, owns.Count);
        Assert.All(owns, own => Assert.Contains($"- [ ] #{own.Number} ", Storm.Body, StringComparison.Ordinal));
        Assert.Empty(Storm.SubIssues);
    }

    private async Task CommentAsync(int issue, string author, string body)
    {
        var comment = Repo.AddComment(issue, author, body);
        var payload = Webhooks.Comment(Repo, Repo.Issue(issue), comment);
        await Webhooks.PostAsync(App.BaseUrl, "issue_comment", payload, Webhooks.Sign(payload), $"comment-{comment.Id}");
        await App.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task Commands_on_the_storm_issue_act_on_the_storm_not_on_a_group_it_lists()
    {
        await OpenStormAsync([.. Enumerable.Range(1, 5).Select(i => $"Burst{i}")], []);

        await CommentAsync(Storm.Number, "alice", "/ack");

        Assert.Contains("acknowledged", Storm.Labels);
        Assert.Equal(StormDecider.Key, IssueBody.ReadState(Storm.Body)!.Key);
    }

    [Fact]
    public async Task Split_gives_a_listed_group_its_own_issue_with_its_alerts_which_then_follows_them()
    {
        await OpenStormAsync(["Burst1", "Burst2"], []);
        var issues = Repo.Issues.Count;

        await CommentAsync(Storm.Number, "mallory", "/split Burst2");
        Assert.Equal(issues, Repo.Issues.Count);
        await CommentAsync(Storm.Number, "alice", "/split Burst2");

        var own = Repo.Issue(issues + 1);
        Assert.Contains("Burst2", own.Body, StringComparison.Ordinal);
        Assert.Contains("JupyterHub is down", own.Body, StringComparison.Ordinal);
        Assert.Equal([own.Number], Storm.SubIssues);
        Assert.Contains("Giving alertname=Burst2 an issue of its own", Storm.Comments[^1].Body, StringComparison.Ordinal);

        await AdvanceAsync();
        Assert.Contains($"- [ ] #{own.Number} ", Storm.Body, StringComparison.Ordinal);
        Assert.Equal("[STORM] 2 alert groups firing in operate-first/incidents", Storm.Title);

        // Its alerts now follow its own issue; the storm ends with its last listed group.
        await App.DeliverAsync(Payloads.Group("Burst2", "warning", fixture: "resolved"));
        Assert.False(Repo.Issue(own.Number).IsOpen);
        await App.DeliverAsync(Payloads.Group("Burst1", "warning", fixture: "resolved"));
        await AdvanceAsync();
        Assert.False(Storm.IsOpen);
    }

    [Fact]
    public async Task Split_on_an_issue_that_is_no_storm_opens_nothing()
    {
        await App.DeliverAsync(Payloads.Group("Single", "warning"));
        var incident = Assert.Single(Repo.Issues);

        await CommentAsync(incident.Number, "alice", "/split Single");

        Assert.Single(Repo.Issues);
        Assert.Contains("works on an open storm issue", Repo.Issue(incident.Number).Comments[^1].Body, StringComparison.Ordinal);
    }
}
