using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 while the inbox can be read, with what waits in it and the mode.
    /// <c>GET /livez</c>: 200 at once, touching nothing (the process answers).
    /// <c>GET /readyz</c>: 200 when the storage takes a write within 2 s and GitHub has not refused the credentials, else 503 with the reasons.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IInbox inbox, AppSettings settings, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var stats = await inbox.GetStatsAsync(now, cancellationToken);
            return Results.Json(new
            {
                status = "ok",
                mode = AppMode.Name(settings.Mode),
                dryRun = settings.DryRun,
                pending = stats.Pending,
                failed = stats.Failed,
                oldestPendingSeconds = stats.OldestPendingReceivedAt is { } oldest ? (int)(now - oldest).TotalSeconds : 0,
            });
        });
        app.MapGet("/livez", () => Results.Json(new { status = "ok" }));
        app.MapGet("/readyz", async (StorageReadiness storage, MetricsRegistry metrics, AppSettings settings) =>
        {
            List<string> reasons = [];
            if (await storage.CheckAsync() is { } storageProblem)
            {
                reasons.Add(storageProblem);
            }

            if (metrics.GitHubAuthRefused)
            {
                reasons.Add(settings.Mode == RunMode.Token
                    ? "github: GitHub refused GITHUB_TOKEN (401) on its last call: it expired or was revoked; give the app a new token"
                    : "github: GitHub refused the app's credentials (401) on its last call: check APP_ID and the private key against the GitHub App's settings page");
            }

            return Results.Json(
                new { status = reasons.Count == 0 ? "ready" : "not ready", mode = AppMode.Name(settings.Mode), reasons },
                statusCode: reasons.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
