using System.Net;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary>Repeats of an Alertmanager group arriving while it waits are stored superseded: only the first of each is processed.</summary>
public sealed class CoalescingTests : AppTestBase
{
    private const string CreateIssuePath = "/repos/operate-first/incidents/issues";

    /// <summary>One worker, so while it is held in GitHub every other delivery waits in the inbox.</summary>
    protected override Task<RunningApp> StartAppAsync() =>
        RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { ["WORKERS"] = "1" });

    [Fact]
    public async Task A_burst_of_repeats_ends_with_one_issue_per_group_the_superseded_counted_and_no_extra_GitHub_calls()
    {
        using var creating = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        GitHub.FaultWith = request =>
        {
            if (request is { Method: "POST", Path: CreateIssuePath })
            {
                creating.Release();
                release.Wait(TimeSpan.FromSeconds(30));
            }

            return null;
        };

        await PostAsync("ServiceDown1", 1);
        Assert.True(await creating.WaitAsync(TimeSpan.FromSeconds(30)));

        // Behind the held delivery: 5 repeats of its group, 6 deliveries of each of two more groups.
        await PostAsync("ServiceDown1", 5);
        await PostAsync("ServiceDown2", 6);
        await PostAsync("ServiceDown3", 6);
        release.Set();
        await App.WaitUntilIdleAsync();

        Assert.Equal(3, Repo.Issues.Count);
        Assert.Equal(3, Repo.Issues.Select(issue => IssueBody.ReadState(issue.Body)!.Key).Distinct().Count());
        // Each repeat of the delivery waiting last for its group was stored superseded on arrival, also those of
        // the one held in GitHub: only the first delivery of each group was processed.
        var processed = App.Services.GetRequiredService<DeliveryMetrics>().DeliveriesProcessed;
        Assert.Equal(5 + 5 + 5, processed.Get("superseded"));
        Assert.Equal(1 + 1 + 1, processed.Get("done"));

        // Unchanged repeats call GitHub for nothing: the three issues were written once each.
        Assert.Equal(3, GitHub.Requests.Count(r => r.Method != "GET" && r.Path.StartsWith(CreateIssuePath, StringComparison.Ordinal)));
    }

    private async Task PostAsync(string group, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await App.PostAlertsAsync(Payloads.Group(group));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}
