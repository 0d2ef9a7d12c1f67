using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// GitHub down for ten minutes of the test's clock while alert groups wait: one probe at a time finds out when it is
/// back, and then every waiting group gets its issue before the clock has moved 30 s more.
/// </summary>
public sealed class OutageRecoveryTests : AppTestBase
{
    private const string CreateIssuePath = "/repos/operate-first/incidents/issues";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 12, 5, 0, TimeSpan.Zero));
    private readonly IReadOnlyList<BurstDelivery> _firing = [.. AlertBurst.Create(groups: 8).Wave(1)];
    private volatile bool _down;

    protected override TimeProvider Clock => _clock;

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(IncidentConfig.FilePath, AlertBurst.ConfigFile);
        return base.StartAppAsync();
    }

    [Fact]
    public async Task After_a_ten_minute_outage_every_waiting_group_is_on_GitHub_within_30_seconds_and_the_outage_saw_one_probe_at_a_time()
    {
        // The first group goes through before the outage, so the token, the settings and the labels are at hand.
        await PostAsync(_firing[0].Json);
        await App.DrainAsync(_clock);
        GitHub.FaultWith = _ => _down ? FakeFault.Status(503) : null;
        _down = true;
        var outageStart = _clock.GetUtcNow();
        foreach (var delivery in _firing.Skip(1))
        {
            await PostAsync(delivery.Json);
        }

        // Calls under way when GitHub went down fail together, before the clock moves on.
        await GitHub.WaitForRequestAsync(r => r.StatusCode == 503);
        await Task.Delay(200);
        await MoveClockAsync(Outage);
        _down = false;
        await MoveClockAsync(Recovery);

        // The clock stands still now: a delivery still waiting for its own retry time would never come.
        await WaitForIssuesAsync(_firing.Count);
        Assert.Equal(_firing.Select(d => d.Group.Title).Order(), Repo.Issues.Select(i => i.Title).Order());

        var turnedAway = GitHub.Requests.Where(r => r.StatusCode == 503 && r.At > outageStart).OrderBy(r => r.Arrival).ToList();
        Assert.True(turnedAway.Count >= 10, "Too few probes for the test to mean anything.");
        Assert.InRange(turnedAway.Count, 1, (int)(Outage / GitHubHealth.MaxProbeInterval) + 3);
        foreach (var (previous, next) in turnedAway.Zip(turnedAway.Skip(1)))
        {
            Assert.True(next.At - previous.At >= GitHubHealth.FirstProbeInterval, $"{next} went out {(next.At - previous.At).TotalSeconds}s after {previous}.");
        }
    }

    [Fact]
    public async Task A_422_for_one_group_parks_its_delivery_alone_and_the_other_groups_go_through_without_waiting()
    {
        var refused = _firing[1].Group.Title;
        GitHub.FaultWith = r => r.Method == "POST" && r.Path == CreateIssuePath && r.Body.Contains(refused, StringComparison.Ordinal) ? FakeFault.Status(422) : null;

        foreach (var delivery in _firing)
        {
            await PostAsync(delivery.Json);
        }

        // On the clock as it stands: nothing waits for a retry.
        await WaitForIssuesAsync(_firing.Count - 1);
        await App.WaitUntilIdleAsync();
        Assert.DoesNotContain(Repo.Issues, i => i.Title == refused);
        var stats = await App.Services.GetRequiredService<IInbox>().GetStatsAsync(_clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal((0, 1), (stats.Pending, stats.Failed));
    }

    private async Task MoveClockAsync(TimeSpan span)
    {
        var signal = App.Services.GetRequiredService<InboxSignal>();
        for (var moved = TimeSpan.Zero; moved < span; moved += Step)
        {
            _clock.Advance(Step);
            signal.Wake();
            await Task.Delay(20);
        }
    }

    private async Task WaitForIssuesAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Repo.Issues.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Repo.Issues.Count} of {count} issues on GitHub at {_clock.GetUtcNow():u}.");
            await Task.Delay(20);
        }
    }

    private async Task PostAsync(string json)
    {
        using var response = await App.PostAlertsAsync(json);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
