using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.FakeGitHub;
using GitHubIncidentApp.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>A storm's deliveries spread over two replicas on one PostgreSQL database, each with four workers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StormReplicaTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string IssuesPath = "/repos/operate-first/incidents/issues";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private FakeGitHubServer _github = null!;
    private RunningApp[] _replicas = [];

    private FakeRepo Repo => _github.Repo("operate-first", "incidents");

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync(_clock);
        _github.AddInstallation("operate-first", 1001);
        Repo.SetFile(".github/incidents.yml", "storm: { threshold: 3, window: 2m }\n");
        // Slow issue creation: both replicas decide while the other's storm issue may still be on its way.
        _github.FaultWith = request =>
        {
            Thread.Sleep(request is { Method: "POST", Path: IssuesPath } ? 150 : 5);
            return null;
        };
        var settings = new Dictionary<string, string?> { ["DATABASE_URL"] = await postgres.CreateDatabaseAsync(), ["WORKERS"] = "4" };
        _replicas = await Task.WhenAll(RunningApp.StartAsync(_github, settings: settings, time: _clock), RunningApp.StartAsync(_github, settings: settings, time: _clock));
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await _github.DisposeAsync();
    }

    [Fact]
    public async Task Both_replicas_open_one_storm_issue_between_them_and_it_lists_every_group()
    {
        var groups = Enumerable.Range(1, 30).Select(i => $"Burst{i:D2}").ToList();
        await Task.WhenAll(groups.Select(async (name, i) =>
        {
            using var response = await _replicas[i % 2].PostAlertsAsync(Payloads.Group(name, "warning"));
            Assert.True(response.IsSuccessStatusCode);
        }));
        await _replicas[0].WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
        await _replicas[1].WaitUntilIdleAsync(TimeSpan.FromSeconds(60));

        var storm = Assert.Single(Repo.Issues, i => i.Labels.Contains("storm"));
        Assert.Equal(3 + 1, Repo.Issues.Count);

        // The list's rewrite is due 30 s after the storm opened; either replica's clock tick takes it.
        _clock.Advance(StormState.FlushInterval + TimeSpan.FromSeconds(20));
        for (var waited = 0; waited < 10_000 && Repo.Issue(storm.Number).Title.Contains(" 1 alert group", StringComparison.Ordinal); waited += 50)
        {
            await Task.Delay(50);
        }

        await _replicas[0].WaitUntilIdleAsync();
        await _replicas[1].WaitUntilIdleAsync();
        storm = Repo.Issue(storm.Number);
        var owned = Repo.Issues.Where(i => !i.Labels.Contains("storm")).Select(i => IssueBody.ReadState(i.Body)!.GroupLabels["alertname"]);
        var listed = IssueBody.ReadState(storm.Body)!.Storm!.Members.Select(m => m.Labels["alertname"]);
        Assert.Equal(groups, owned.Concat(listed).Order());
        Assert.Equal("[STORM] 27 alert groups firing in operate-first/incidents", storm.Title);
    }
}
