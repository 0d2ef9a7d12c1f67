using System.Diagnostics.Metrics;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// The app's Prometheus metrics: counters kept here, inbox gauges read at each scrape, and GitHub API calls
/// counted from the HTTP client's own <c>http.client.request.duration</c> measurements for the GitHub API host.
/// </summary>
public sealed class MetricsRegistry : IDeliveryMetrics, IDisposable
{
    public const string AlertmanagerSource = "alertmanager";
    public const string GitHubSource = "github";

    private static readonly string[] Sources = [AlertmanagerSource, GitHubSource];
    private static readonly string[] StatusClasses = ["2xx", "3xx", "4xx", "5xx", "error"];

    private readonly Uri _gitHubApi;
    private readonly MeterListener _listener = new();
    private readonly GitHubHealth? _gitHubHealth;
    private readonly ContentPacer? _contentPacer;
    private readonly string _mode;
    private int _gitHubAuthRefused;

    /// <param name="gitHubHealth">None in a dry run, which calls no GitHub.</param>
    /// <param name="contentPacer">None in a dry run, which creates no content.</param>
    public MetricsRegistry(AppSettings settings, GitHubHealth? gitHubHealth = null, ContentPacer? contentPacer = null)
    {
        _gitHubApi = settings.GitHubApiUrl;
        _gitHubHealth = gitHubHealth;
        _contentPacer = contentPacer;
        _mode = AppMode.Name(settings.DryRun);
        foreach (var source in Sources)
        {
            DeliveriesReceived.Declare(source);
            foreach (var reason in MetricsReason.All)
            {
                DeliveriesRefused.Declare(source, reason);
            }
        }

        foreach (var outcome in Enum.GetValues<ProcessingOutcome>())
        {
            DeliveriesProcessed.Declare(OutcomeLabel(outcome));
        }

        foreach (var statusClass in StatusClasses)
        {
            GitHubRequests.Declare(statusClass);
        }

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "System.Net.Http", Name: "http.client.request.duration" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) => CountGitHubRequest(tags));
        _listener.Start();
    }

    public MetricsCounter DeliveriesReceived { get; } = new(
        "incident_app_deliveries_received_total", "Deliveries answered with 2xx (stored, or answered and dropped when not used), by sender.", "source");

    public MetricsCounter DeliveriesRefused { get; } = new(
        "incident_app_deliveries_refused_total", "Deliveries refused, by sender and reason: auth, content_type, too_large, bad_payload, scope, inbox_full, store_failed.", "source", "reason");

    public MetricsCounter DeliveriesProcessed { get; } = new(
        "incident_app_deliveries_processed_total", "Attempts at stored deliveries, by outcome: done, retried (later), failed (parked for a person), superseded (by a newer Alertmanager delivery of the incident).", "outcome");

    public MetricsCounter GitHubRequests { get; } = new(
        "incident_app_github_requests_total", "Calls to the GitHub API, by status class; error when no answer came.", "status_class");

    /// <summary>Whether GitHub's latest answer was 401: the App's credentials are refused, which no retry mends.</summary>
    public bool GitHubAuthRefused => Volatile.Read(ref _gitHubAuthRefused) == 1;

    public void Processed(ProcessingOutcome outcome) => DeliveriesProcessed.Increment(OutcomeLabel(outcome));

    /// <summary>The whole exposition; the inbox is read now, so the gauges are current.</summary>
    public async Task<string> ScrapeAsync(IInbox inbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stats = await inbox.GetStatsAsync(now, cancellationToken);
        var text = new MetricsText();
        Gauge(text, "incident_app_inbox_pending", "Deliveries stored and not yet processed (including those waiting for a retry).", stats.Pending);
        Gauge(text, "incident_app_inbox_failed", "Deliveries parked as failed, waiting for a person (GET /api/deliveries?state=failed).", stats.Failed);
        Gauge(text, "incident_app_inbox_oldest_pending_age_seconds", "Age of the oldest pending delivery; 0 when none waits.",
            stats.OldestPendingReceivedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0);
        Gauge(text, "incident_app_github_healthy", "1 while GitHub answers; 0 while it failed (5xx, timeout, lost connection) for an installation and its calls wait for a probe.",
            _gitHubHealth?.IsHealthy == false ? 0 : 1);
        Gauge(text, "incident_app_content_waiting", "New issues and comments waiting for a slot under the content limits (CONTENT_PER_MINUTE, CONTENT_PER_HOUR) in this replica.",
            _contentPacer?.Waiting ?? 0);
        const string waited = "incident_app_content_wait_seconds_total";
        text.Family(waited, "counter", "Time new issues and comments of this replica have waited for their slots under the content limits.")
            .Sample(waited, "", _contentPacer?.Waited.TotalSeconds ?? 0);
        text.Family("incident_app_mode", "gauge", "1 for the mode the app runs in: live (it writes to GitHub) or dry-run (it only logs what it would write).")
            .Sample("incident_app_mode", MetricsText.Labels(["mode"], [_mode]), 1);
        foreach (var counter in new[] { DeliveriesReceived, DeliveriesRefused, DeliveriesProcessed, GitHubRequests })
        {
            counter.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static void Gauge(MetricsText text, string name, string help, double value) =>
        text.Family(name, "gauge", help).Sample(name, "", value);

    private static string OutcomeLabel(ProcessingOutcome outcome) => outcome.ToString().ToLowerInvariant();

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
}
