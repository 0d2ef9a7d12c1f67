using System.Net;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Several inbox workers: different incidents at once, one incident's deliveries (alerts, comments) strictly in order.</summary>
public sealed class ParallelWorkerTests : IAsyncLifetime
{
    private const string CreateIssuePath = "/repos/operate-first/incidents/issues";

    private FakeGitHubServer _github = null!;
    private int _inFlight;
    private int _mostInFlight;

    private FakeRepo Repo => _github.Repo("operate-first", "incidents");

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddInstallation("operate-first", 1001);
        Repo.SetRole("alice", "triage");
    }

    public Task DisposeAsync() => _github.DisposeAsync().AsTask();

    /// <summary>Every write to an issue takes a while, and the test learns how many overlapped.</summary>
    private void SlowWrites(Func<RecordedRequest, bool> which, TimeSpan duration) =>
        _github.FaultWith = request =>
        {
            if (which(request))
            {
                var now = Interlocked.Increment(ref _inFlight);
                InterlockedMax(ref _mostInFlight, now);
                Thread.Sleep(duration);
                Interlocked.Decrement(ref _inFlight);
            }

            return null;
        };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Theory]
    [InlineData("4", true)]
    [InlineData("1", false)]
    public async Task Different_incidents_are_opened_at_once_by_several_workers_and_each_exactly_once(string workers, bool overlap)
    {
        SlowWrites(r => r.Method == "POST" && r.Path == CreateIssuePath, TimeSpan.FromMilliseconds(150));
        await using var app = await RunningApp.StartAsync(_github, settings: new Dictionary<string, string?> { ["WORKERS"] = workers });

        var groups = Enumerable.Range(1, 8).Select(i => $"ServiceDown{i}").ToList();
        await Task.WhenAll(groups.Select(async group =>
        {
            using var response = await app.PostAlertsAsync(Payloads.Group(group));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }));
        await app.WaitUntilIdleAsync();

        Assert.Equal(groups.Count, Repo.Issues.Count);
        Assert.Equal(groups.Count, Repo.Issues.Select(issue => IssueBody.ReadState(issue.Body)!.Key).Distinct().Count());
        Assert.Equal(overlap, _mostInFlight > 1);

        // Workers starting at once still read the config and the labels once, and create each missing label once.
        Assert.Single(_github.Requests, r => r.Method == "GET" && r.Path.EndsWith("/contents/.github/incidents.yml", StringComparison.Ordinal));
        Assert.Single(_github.Requests, r => r.Method == "GET" && r.Path.EndsWith("/labels", StringComparison.Ordinal));
        var created = _github.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/labels", StringComparison.Ordinal)).Select(r => r.Body).ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
    }

    [Fact]
    public async Task A_comment_waits_for_the_alert_delivery_of_its_incident_that_came_first()
    {
        await using var app = await RunningApp.StartAsync(_github, settings: new Dictionary<string, string?> { ["WORKERS"] = "4" });
        await app.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var issue = Assert.Single(Repo.Issues);
        _github.ClearRequests();

        // A second alert joins (its body rewrite is slow), then someone acknowledges, then all resolve.
        SlowWrites(r => r.Method == "PATCH", TimeSpan.FromMilliseconds(300));
        using (var joined = await app.PostAlertsAsync(Payloads.WithSecondAlert(Fixtures.Alertmanager("firing-critical"), "hub-2:8081")))
        {
            Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
        }

        var comment = Repo.AddComment(issue.Number, "alice", "/ack");
        var payload = Webhooks.Comment(Repo, issue, comment);
        var (status, _) = await Webhooks.PostAsync(app.BaseUrl, "issue_comment", payload, Webhooks.Sign(payload), "ack-1");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await app.DeliverAsync(Payloads.WithSecondAlert(Fixtures.Alertmanager("resolved"), "hub-2:8081"));

        // In arrival order, never overlapping: the join's PATCH, then the command's reactions and reply, then the resolve.
        var writes = _github.Requests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path.Split('/')[^1]}").ToList();
        var firstReaction = writes.FindIndex(w => w.EndsWith("reactions", StringComparison.Ordinal));
        Assert.True(writes.FindIndex(w => w.StartsWith("PATCH", StringComparison.Ordinal)) < firstReaction, string.Join("\n", writes));
        Assert.Equal(1, _mostInFlight);
        var state = IssueBody.ReadState(Repo.Issue(issue.Number).Body)!;
        Assert.Equal("alice", state.Acknowledged!.By);
        Assert.False(Repo.Issue(issue.Number).IsOpen);
    }

    [Fact]
    public async Task Two_groups_that_the_config_joins_into_one_incident_open_one_issue_though_they_arrive_at_once()
    {
        // Keyed by namespace only: both alert names are one incident, though Alertmanager sends two groups.
        Repo.SetFile(".github/incidents.yml", "incident_key:\n  labels: [namespace]\n");
        SlowWrites(r => r.Method == "POST" && r.Path == CreateIssuePath, TimeSpan.FromMilliseconds(300));
        await using var app = await RunningApp.StartAsync(_github, settings: new Dictionary<string, string?> { ["WORKERS"] = "4" });

        await Task.WhenAll(new[] { "ServiceDown", "ServiceSlow" }.Select(async group =>
        {
            using var response = await app.PostAlertsAsync(Payloads.Group(group));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }));
        await app.WaitUntilIdleAsync();

        Assert.Single(Repo.Issues);
    }
}
