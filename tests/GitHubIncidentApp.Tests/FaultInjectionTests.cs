using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GitHubIncidentApp.Testing.Bursts.BurstAssert;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Deliveries through the running app while the fake GitHub fails in GitHub's ways, on the test's clock, moved
/// until the inbox is empty. A burst of 25 alert groups ends with exactly one issue per group in its state,
/// nothing parked as failed, and proof that the faults did happen.
/// </summary>
public sealed class FaultInjectionTests : AppTestBase
{
    private const string CreateIssuePath = "/repos/operate-first/incidents/issues";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 12, 5, 0, TimeSpan.Zero));
    private readonly FakeRouteCounter _counter = new();
    private readonly AlertBurst _burst = AlertBurst.Create(groups: 25);

    protected override TimeProvider Clock => _clock;

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(IncidentConfig.FilePath, AlertBurst.ConfigFile);
        return base.StartAppAsync();
    }

    [Fact]
    public async Task Every_third_request_of_each_kind_answering_502_is_retried_until_each_group_has_its_one_issue()
    {
        GitHub.FaultWith = request => _counter.IsNth(request, 3) ? FakeFault.Status(502) : null;

        await RunBurstAsync();

        Assert.True(GitHub.Requests.Count(r => r.StatusCode == 502) >= 40, "Too few requests failed for the test to mean anything.");
        Assert.Contains(GitHub.Requests, r => r.Method == "POST" && r.Path == CreateIssuePath && r.StatusCode == 502);
    }

    [Fact]
    public async Task Every_fourth_request_of_each_kind_losing_its_connection_opens_no_issue_twice()
    {
        // A write cut after handling took effect, but its answer is lost, as when a connection resets. Comments are
        // cut before they are posted: the app does not read comments back, so one posted and then cut is posted again.
        GitHub.DisruptWith = request => _counter.IsNth(request, 4)
            ? FakeDisruption.CutConnection(request.Method is "GET" || request.Path.EndsWith("/comments", StringComparison.Ordinal) ? FakeCut.BeforeHandling : FakeCut.AfterHandling)
            : null;

        await RunBurstAsync();

        Assert.Contains(GitHub.Requests, r => r.Method == "POST" && r.Path == CreateIssuePath && r.Cut == FakeCut.AfterHandling);
        Assert.Contains(GitHub.Requests, r => r.Method == "GET" && r.Cut == FakeCut.BeforeHandling);
        Assert.Contains(GitHub.Requests, r => r.Method == "POST" && r.Path.EndsWith("/labels", StringComparison.Ordinal) && r.Cut == FakeCut.AfterHandling);
    }

    [Fact]
    public async Task Rate_limits_hold_every_call_back_as_long_as_GitHub_says_and_lose_no_delivery()
    {
        // One worker, so that "after the answer" is exact: with several, a call another worker sent while the
        // answer was on its way still lands (the adapter's own tests cover the hold between workers).
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, time: _clock, settings: new Dictionary<string, string?> { ["WORKERS"] = "1" });
        var creates = TimeSpan.FromSeconds(30);
        var comments = TimeSpan.FromSeconds(20);
        var updates = TimeSpan.FromMinutes(2);
        GitHub.FaultWith = request => (request.Method, request.Path) switch
        {
            ("POST", CreateIssuePath) when _counter.IsNth(request, 4) => FakeFault.SecondaryRateLimit((int)creates.TotalSeconds),
            ("POST", var path) when path.EndsWith("/comments", StringComparison.Ordinal) && _counter.IsNth(request, 3) =>
                FakeFault.SecondaryRateLimit((int)comments.TotalSeconds, statusCode: 429),
            ("PATCH", _) when _counter.IsNth(request, 5) => FakeFault.PrimaryRateLimit(request.At + updates, statusCode: 429),
            _ => null,
        };

        await RunBurstAsync();

        // GitHub counts calls per installation: after a limit, no call at all goes out before the time it named
        // (calls that other workers had under way when the answer came may still land).
        var log = GitHub.Requests;
        var limited = log.Where(r => r.StatusCode is 403 or 429).ToList();
        Assert.Equal((true, true, true), (
            limited.Any(r => r.Path == CreateIssuePath),
            limited.Any(r => r.Method == "POST" && r.Path != CreateIssuePath),
            limited.Any(r => r.Method == "PATCH")));
        foreach (var request in limited)
        {
            var told = request.Method == "PATCH" ? updates : request.Path == CreateIssuePath ? creates : comments;
            // Minting an installation token and asking the app's bot login are the app's own calls (its JWT), outside the installation's limit.
            if (log.Where(r => r.Arrival > request.ArrivalsWhenAnswered && r.Path != "/app" && !r.Path.StartsWith("/app/", StringComparison.Ordinal)).MinBy(r => r.Arrival) is { } next)
            {
                Assert.True(next.At >= request.At + told, $"{next} went out {(next.At - request.At).TotalSeconds}s after {request}, which asked for {told.TotalSeconds}s.");
            }
        }
    }

    [Fact]
    public async Task A_minute_long_outage_in_the_middle_of_the_burst_delays_deliveries_and_drops_none()
    {
        DateTimeOffset? outageStart = null;
        GitHub.FaultWith = _ =>
        {
            // The outage starts once ten groups have their issue, and lasts a minute of the app's clock.
            outageStart ??= Repo.Issues.Count >= 10 ? _clock.GetUtcNow() : null;
            return outageStart is { } start && _clock.GetUtcNow() < start.AddMinutes(1) ? FakeFault.Status(503) : null;
        };

        // Small steps, so that the minute spans a dozen of them and the deliveries waiting meet it again and again.
        await RunBurstAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(outageStart);
        // While GitHub is down only one probe at a time goes out (5 s, 10 s, then every 20 s), not every waiting delivery,
        // and how many of them the minute holds depends on how fast the machine keeps up with the clock.
        Assert.Contains(GitHub.Requests, r => r.StatusCode == 503);
    }

    [Fact]
    public async Task A_lost_answer_to_the_create_of_a_new_issue_after_the_reopen_window_opens_it_once()
    {
        await DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await DeliverAsync(Fixtures.Alertmanager("resolved"));
        _clock.Advance(TimeSpan.FromHours(25));
        var cut = 0;
        GitHub.DisruptWith = request =>
            request.Method == "POST" && request.Path == CreateIssuePath && Interlocked.Increment(ref cut) == 1 ? FakeDisruption.CutConnection(FakeCut.AfterHandling) : null;

        // The alert fires again 25 hours after it ended, past the reopen window.
        await DeliverAsync(Payloads.StartingAt(Fixtures.Alertmanager("firing-critical"), DateTimeOffset.Parse("2026-11-25T13:54:41Z", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal([("closed", "#1"), ("open", "#2")], Repo.Issues.Select(i => (i.State, $"#{i.Number}")));
        Assert.Contains("#1", Repo.Issue(2).Body, StringComparison.Ordinal);
    }

    private async Task DeliverAsync(string json)
    {
        await PostAsync(json);
        await App.DrainAsync(_clock);
    }

    private async Task PostAsync(string json)
    {
        using var response = await App.PostAlertsAsync(json);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts every delivery of the burst, lets the clock run until all are applied, and checks the issues.</summary>
    private async Task RunBurstAsync(TimeSpan? step = null)
    {
        foreach (var delivery in _burst.Deliveries)
        {
            await PostAsync(delivery.Json);
        }

        await App.DrainAsync(_clock, step);

        AssertExactlyOneIssuePerGroup(_burst.Expected, Repo);
        var stats = await App.Services.GetRequiredService<IInbox>().GetStatsAsync(_clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal((0, 0), (stats.Pending, stats.Failed));
    }
}
