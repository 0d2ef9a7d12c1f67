using GitHubIncidentApp.Core.Incidents.Intake;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary><c>GET /metrics</c>, read back with a strict parser of the Prometheus text format 0.0.4.</summary>
public sealed partial class MetricsTests : AppTestBase
{
    /// <summary>Stands still, so a retried delivery stays retried once however slow the machine.</summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    private static readonly string[] Families =
    [
        "incident_app_inbox_pending", "incident_app_inbox_failed", "incident_app_inbox_oldest_pending_age_seconds",
        "incident_app_deliveries_received_total", "incident_app_deliveries_refused_total", "incident_app_deliveries_processed_total",
        "incident_app_github_requests_total", "incident_app_github_healthy", "incident_app_mode",
        "incident_app_content_waiting", "incident_app_content_wait_seconds_total",
        "incident_app_flaps_total", "incident_app_flapping_started_total", "incident_app_silences_total", "incident_app_maintenance_silences_total",
        "incident_app_storms_opened_total", "incident_app_storm_groups_total", "incident_app_issue_field_writes_total",
        "incident_app_feed_requests_total", "incident_app_pins_total", "incident_app_postmortems_total", "incident_app_postmortem_reminders_total",
        "incident_app_status_page_requests_total",
    ];

    private async Task<Dictionary<string, double>> ScrapeAsync()
    {
        using var client = new HttpClient { BaseAddress = App.BaseUrl };
        using var response = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Samples by <c>name{labels}</c>. Every family has one HELP and one TYPE line before its samples, every
    /// sample belongs to the family above it, and no sample appears twice.
    /// </summary>
    private static Dictionary<string, double> Parse(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        string? family = null;
        var typed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (HelpLine().Match(line) is { Success: true } help)
            {
                family = help.Groups["name"].Value;
                continue;
            }

            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.Equal(family, type.Groups["name"].Value);
                Assert.True(typed.Add(family!), $"a second TYPE line for {family}");
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a sample line: '{line}'");
            Assert.Equal(family, sample.Groups["name"].Value);
            Assert.Contains(family!, typed);
            Assert.True(samples.TryAdd(sample.Groups["name"].Value + sample.Groups["labels"].Value, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture)), $"a second sample: {line}");
        }

        Assert.Equal(Families.Order(), typed.Order());
        return samples;
    }

    [Fact]
    public async Task Counts_deliveries_received_refused_and_processed_and_the_calls_to_GitHub()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        using (var wrongToken = new HttpClient { BaseAddress = App.BaseUrl })
        {
            wrongToken.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
            using var _ = await wrongToken.PostAsync("api/alertmanager/operate-first/incidents", new StringContent("{}", Encoding.UTF8, "application/json"));
        }

        using (var tooLarge = await App.PostAlertsAsync(new string(' ', AlertmanagerIntake.MaxBodyBytes + 1)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }

        var ping = Fixtures.Bytes("github/ping.event.json");
        await Webhooks.PostAsync(App.BaseUrl, "ping", ping, Webhooks.Sign(ping), "d-ping");
        await Webhooks.PostAsync(App.BaseUrl, "ping", ping, Webhooks.Sign(ping, "wrong-secret"), "d-forged");

        var metrics = await ScrapeAsync();

        Assert.Equal(1, metrics["incident_app_deliveries_received_total{source=\"alertmanager\"}"]);
        Assert.Equal(1, metrics["incident_app_deliveries_received_total{source=\"github\"}"]);
        Assert.Equal(1, metrics["incident_app_deliveries_refused_total{source=\"alertmanager\",reason=\"auth\"}"]);
        Assert.Equal(1, metrics["incident_app_deliveries_refused_total{source=\"alertmanager\",reason=\"too_large\"}"]);
        Assert.Equal(1, metrics["incident_app_deliveries_refused_total{source=\"github\",reason=\"auth\"}"]);
        Assert.Equal(0, metrics["incident_app_deliveries_refused_total{source=\"github\",reason=\"inbox_full\"}"]);
        Assert.Equal(1, metrics["incident_app_deliveries_processed_total{outcome=\"done\"}"]);
        Assert.Equal(0, metrics["incident_app_deliveries_processed_total{outcome=\"failed\"}"]);
        Assert.Equal(GitHub.Requests.Count(r => r.StatusCode is >= 200 and < 300), metrics["incident_app_github_requests_total{status_class=\"2xx\"}"]);
        Assert.Equal(0, metrics["incident_app_inbox_pending"]);
        Assert.Equal(1, metrics["incident_app_github_healthy"]);
    }

    [Fact]
    public async Task Shows_retried_and_failed_deliveries_and_what_waits_in_the_inbox()
    {
        // Parked first: once GitHub fails for operate-first, its calls wait for a probe (GitHubHealth), this one's too.
        using (var failed = await App.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"), "api/alertmanager/operate-first/not-installed"))
        {
            Assert.Equal(HttpStatusCode.Accepted, failed.StatusCode);
        }

        var metrics = await ScrapeAsync();
        // A scrape reads the inbox before the counters: wait until both show the parked delivery.
        for (var tries = 0; (metrics["incident_app_deliveries_processed_total{outcome=\"failed\"}"] == 0 || metrics["incident_app_inbox_failed"] == 0) && tries < 200; tries++)
        {
            await Task.Delay(50);
            metrics = await ScrapeAsync();
        }

        GitHub.FailWith = request => request is { Method: "POST", Path: "/repos/operate-first/incidents/issues" } ? 500 : null;
        using (var retried = await App.PostAlertsAsync(Fixtures.Alertmanager("firing-critical")))
        {
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        }

        await GitHub.WaitForRequestAsync(r => r.StatusCode == 500);
        for (var tries = 0; metrics["incident_app_deliveries_processed_total{outcome=\"retried\"}"] == 0 && tries < 200; tries++)
        {
            await Task.Delay(50);
            metrics = await ScrapeAsync();
        }

        Assert.Equal(1, metrics["incident_app_deliveries_processed_total{outcome=\"retried\"}"]);
        Assert.Equal(1, metrics["incident_app_deliveries_processed_total{outcome=\"failed\"}"]);
        Assert.Equal(1, metrics["incident_app_inbox_pending"]);
        Assert.Equal(1, metrics["incident_app_inbox_failed"]);
        Assert.InRange(metrics["incident_app_inbox_oldest_pending_age_seconds"], 0, 60);
        Assert.Equal(1, metrics["incident_app_github_requests_total{status_class=\"5xx\"}"]);
        Assert.Equal(0, metrics["incident_app_github_healthy"]);
        Assert.True(metrics["incident_app_github_requests_total{status_class=\"4xx\"}"] >= 1);
    }

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? (?<value>-?[0-9.]+(e[+-]?[0-9]+)?)$""")]
    private static partial Regex SampleLine();
}
