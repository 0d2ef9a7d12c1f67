using System.Globalization;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using GitHubIncidentApp.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary>Two replicas of the app on one PostgreSQL database take deliveries in turns, as behind a load balancer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoReplicaTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int Groups = 30;
    private const int FiringDeliveriesPerGroup = 3;
    private static readonly TimeSpan GitHubLatency = TimeSpan.FromMilliseconds(5);

    private FakeGitHubServer github = null!;
    private RunningApp[] replicas = [];

    private FakeRepo Repo => github.Repo("operate-first", "incidents");

    public async Task InitializeAsync()
    {
        github = await FakeGitHubServer.StartAsync();
        github.AddInstallation("operate-first", 1001);
        // Storms off: thirty groups at once would otherwise share a storm issue, and this is about each group's own.
        github.Repo("operate-first", "incidents").SetFile(".github/incidents.yml", "storm: { enabled: false }\n");
        // A slow GitHub: deliveries pile up while others are handled, so both replicas always have work.
        github.FaultWith = _ =>
        {
            Thread.Sleep(GitHubLatency);
            return null;
        };
        var settings = new Dictionary<string, string?> { ["DATABASE_URL"] = await postgres.CreateDatabaseAsync() };
        // Started at once, so both migrate the fresh database at the same time.
        replicas = await Task.WhenAll(RunningApp.StartAsync(github, settings: settings), RunningApp.StartAsync(github, settings: settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }

        await github.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_spread_over_both_replicas_opens_one_issue_per_group_in_the_right_state()
    {
        // A group's deliveries go out back to back, alternating replicas, faster than a slow GitHub lets them be
        // handled: both replicas find the next delivery of a group waiting while the previous one is in hand.
        var turn = 0;
        for (var group = 0; group < Groups; group++)
        {
            var deliveries = Enumerable.Repeat("firing-critical", FiringDeliveriesPerGroup).Append(IsResolved(group) ? "resolved" : "firing-critical");
            foreach (var fixture in deliveries)
            {
                using var response = await replicas[turn++ % replicas.Length].PostAlertsAsync(Group(fixture, group));
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        await replicas[0].WaitUntilIdleAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, (await replicas[1].Services.GetRequiredService<IInbox>().GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Failed);
        // Each replica took its own installation token: both handled deliveries.
        Assert.Equal(2, github.Count("POST", "^/app/installations/1001/access_tokens$"));
        Assert.Equal(Groups, Repo.Issues.Count);
        for (var group = 0; group < Groups; group++)
        {
            var issue = Assert.Single(Repo.Issues, i => i.Title.Contains(Name(group), StringComparison.Ordinal));
            Assert.Equal(IsResolved(group) ? "closed" : "open", issue.State);
            Assert.Equal(IsResolved(group), issue.Labels.Contains("resolved"));
        }
    }

    [Fact]
    public async Task Two_groups_that_the_config_joins_open_one_issue_though_each_replica_takes_one()
    {
        // Keyed by namespace only: two alert names, two Alertmanager groups, two inbox keys, one incident.
        Repo.SetFile(".github/incidents.yml", "incident_key:\n  labels: [namespace]\n");
        github.FaultWith = request =>
        {
            Thread.Sleep(request is { Method: "POST", Path: "/repos/operate-first/incidents/issues" } ? TimeSpan.FromMilliseconds(300) : GitHubLatency);
            return null;
        };

        var responses = await Task.WhenAll(replicas.Select((replica, index) => replica.PostAlertsAsync(Group("firing-critical", index))));
        Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode));
        await replicas[0].WaitUntilIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Single(Repo.Issues);
    }

    private static bool IsResolved(int group) => group % 3 == 0;

    private static string Name(int group) => $"Group{group.ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>The recorded delivery, made into the group's own: its alert name, summary and fingerprint.</summary>
    private static string Group(string fixture, int group)
    {
        var root = JsonNode.Parse(Fixtures.Alertmanager(fixture))!;
        var name = Name(group);
        root["groupLabels"]!["alertname"] = name;
        root["commonLabels"]!["alertname"] = name;
        root["commonAnnotations"]!["summary"] = $"{name} is down";
        root["groupKey"] = $"{{}}:{{alertname=\"{name}\", namespace=\"opf-jupyterhub\"}}";
        foreach (var alert in root["alerts"]!.AsArray())
        {
            alert!["labels"]!["alertname"] = name;
            alert["annotations"]!["summary"] = $"{name} is down";
            alert["fingerprint"] = $"{group.ToString("x4", CultureInfo.InvariantCulture)}{alert["fingerprint"]!.GetValue<string>()[4..]}";
        }

        return root.ToJsonString();
    }
}
