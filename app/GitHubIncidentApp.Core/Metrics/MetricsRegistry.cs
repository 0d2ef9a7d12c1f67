using System.Diagnostics.Metrics;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Metrics;

/// <summary>
/// The intake's instruments, on the core's meter beside what the core counts (<see cref="DeliveryMetrics"/>): deliveries
/// received and refused, calls to the GitHub API (from the HTTP client's own <c>http.client.request.duration</c>
/// measurements for the GitHub API host), and gauges of the inbox, GitHub's health, the content pacing and the mode.
/// <see cref="ScrapeAsync"/> writes them all.
/// </summary>
public sealed class MetricsRegistry : IDisposable
{
    public const string AlertmanagerSource = "alertmanager";
    public const string GitHubSource = "github";

    private static readonly string[] Sources = [AlertmanagerSource, GitHubSource];
    private static readonly string[] StatusClasses = ["2xx", "3xx", "4xx", "5xx", "error"];

    private readonly Uri _gitHubApi;
    private readonly MeterListener _gitHubCalls = new();
    private readonly MetricsExposition _exposition;
    private InboxReading? _inbox;
    private int _gitHubAuthRefused;

    /// <param name="gitHubApi">Calls to its host and port count as GitHub requests.</param>
    /// <param name="mode">The mode the host runs in, as its health answers name it (live or dry-run).</param>
    /// <param name="gitHubHealth">None in a dry run, which calls no GitHub.</param>
    /// <param name="contentPacer">None in a dry run, which creates no content.</param>
    public MetricsRegistry(DeliveryMetrics core, Uri gitHubApi, string mode, GitHubHealth? gitHubHealth = null, ContentPacer? contentPacer = null)
    {
        _gitHubApi = gitHubApi;
        var meter = core.Meter;
        DeliveriesReceived = new(meter, "incident_app_deliveries_received",
            "Deliveries answered with 2xx (stored, or answered and dropped when not used), by sender.", ["source"], Sources.Select(source => new[] { source }));
        DeliveriesRefused = new(meter, "incident_app_deliveries_refused",
            "Deliveries refused, by sender and reason: auth, content_type, too_large, bad_payload, scope, inbox_full, store_failed.",
            ["source", "reason"], Sources.SelectMany(source => MetricsReason.All.Select(reason => new[] { source, reason })));
        FeedRequests = new(meter, "incident_app_feed_requests",
            "Requests for on-call calendar feeds, by outcome: served, refused (no FEED_SECRET, or a wrong token), not_found (no schedule, or the app not installed), unavailable (GitHub could not be read).",
            ["outcome"], FeedOutcomes.Select(outcome => new[] { outcome }));
        StatusPageRequests = new(meter, "incident_app_status_page_requests",
            "Requests for status pages, by outcome: served, not_found (no page, or a private page without its token), busy (over the bound on builds for requests without a token), unavailable (GitHub could not be read).",
            ["outcome"], StatusPageOutcomes.Select(outcome => new[] { outcome }));
        GitHubRequests = new(meter, "incident_app_github_requests",
            "Calls to the GitHub API, by status class; error when no answer came.", ["status_class"], StatusClasses.Select(statusClass => new[] { statusClass }));

        // The inbox is read by ScrapeAsync just before the collection: an observable instrument's callback cannot await the database.
        meter.CreateObservableGauge("incident_app_inbox_pending", () => _inbox?.Stats.Pending ?? 0,
            description: "Deliveries stored and not yet processed (including those waiting for a retry).");
        meter.CreateObservableGauge("incident_app_inbox_failed", () => _inbox?.Stats.Failed ?? 0,
            description: "Deliveries parked as failed, waiting for a person (GET /api/deliveries?state=failed).");
        meter.CreateObservableGauge("incident_app_inbox_oldest_pending_age_seconds",
            () => _inbox is { Stats.OldestPendingReceivedAt: { } oldest } reading ? Math.Max(0, (reading.At - oldest).TotalSeconds) : 0,
            unit: "s", description: "Age of the oldest pending delivery; 0 when none waits.");
        meter.CreateObservableGauge("incident_app_github_healthy", () => gitHubHealth?.IsHealthy == false ? 0 : 1,
            description: "1 while GitHub answers; 0 while it failed (5xx, timeout, lost connection) for an installation and its calls wait for a probe.");
        meter.CreateObservableGauge("incident_app_content_waiting", () => contentPacer?.Waiting ?? 0,
            description: "New issues and comments waiting for a slot under the content limits (CONTENT_PER_MINUTE, CONTENT_PER_HOUR) in this replica.");
        meter.CreateObservableCounter("incident_app_content_wait_seconds", () => contentPacer?.Waited.TotalSeconds ?? 0,
            unit: "s", description: "Time new issues and comments of this replica have waited for their slots under the content limits.");
        var modeSample = new Measurement<int>(1, KeyValuePair.Create("mode", (object?)mode));
        meter.CreateObservableGauge("incident_app_mode", () => modeSample,
            description: "1 for the mode the app runs in: live (it writes to GitHub as the GitHub App), token (it writes to GitHub with GITHUB_TOKEN) or dry-run (it only logs what it would write).");
        _exposition = new MetricsExposition(meter);

        _gitHubCalls.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "System.Net.Http", Name: "http.client.request.duration" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _gitHubCalls.SetMeasurementEventCallback<double>((_, _, tags, _) => CountGitHubRequest(tags));
        _gitHubCalls.Start();
    }

    public DeclaredCounter DeliveriesReceived { get; }

    public DeclaredCounter DeliveriesRefused { get; }

    public DeclaredCounter GitHubRequests { get; }

    /// <summary>What <see cref="FeedRequests"/> counts a request as.</summary>
    public static IReadOnlyList<string> FeedOutcomes { get; } = ["served", "refused", "not_found", "unavailable"];

    public DeclaredCounter FeedRequests { get; }

    /// <summary>What <see cref="StatusPageRequests"/> counts a request as.</summary>
    public static IReadOnlyList<string> StatusPageOutcomes { get; } = ["served", "not_found", "busy", "unavailable"];

    public DeclaredCounter StatusPageRequests { get; }

    /// <summary>Whether GitHub's latest answer was 401: the App's credentials are refused, which no retry mends.</summary>
    public bool GitHubAuthRefused => Volatile.Read(ref _gitHubAuthRefused) == 1;

    /// <summary>The whole exposition; the inbox is read now, so its gauges are current.</summary>
    public async Task<string> ScrapeAsync(IInbox inbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _inbox, new InboxReading(await inbox.GetStatsAsync(now, cancellationToken), now));
        return _exposition.Collect();
    }

    public void Dispose()
    {
        _gitHubCalls.Dispose();
        _exposition.Dispose();
    }

    /// <summary>The listener hears every HTTP client of the process; only calls to the GitHub API's host and port count.</summary>
    private void CountGitHubRequest(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? address = null;
        int? port = null;
        int? status = null;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "server.address":
                    address = value as string;
                    break;
                case "server.port":
                    port = value as int?;
                    break;
                case "http.response.status_code":
                    status = value as int?;
                    break;
            }
        }

        // The port is left out when it is the scheme's default.
        if (string.Equals(address, _gitHubApi.Host, StringComparison.OrdinalIgnoreCase) && (port ?? _gitHubApi.Port) == _gitHubApi.Port)
        {
            GitHubRequests.Increment(status is >= 200 and < 600 ? $"{status / 100}xx" : "error");
            if (status is 401 or (>= 200 and < 300))
            {
                Volatile.Write(ref _gitHubAuthRefused, status == 401 ? 1 : 0);
            }
        }
    }

    private sealed record InboxReading(InboxStats Stats, DateTimeOffset At);
}
