using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

public static class MetricsEndpoints
{
    /// <summary><c>GET /metrics</c>: Prometheus text format. No secret, repository or person is in it, so it needs no token.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (MetricsRegistry metrics, IInbox inbox, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Text(await metrics.ScrapeAsync(inbox, time.GetUtcNow(), cancellationToken), MetricsText.ContentType));
        return app;
    }
}
