using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 while the inbox can be read, with what waits in it.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IInbox inbox, AppSettings settings, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var stats = await inbox.GetStatsAsync(now, cancellationToken);
            return Results.Json(new
            {
                status = "ok",
                dryRun = settings.DryRun,
                pending = stats.Pending,
                failed = stats.Failed,
                oldestPendingSeconds = stats.OldestPendingReceivedAt is { } oldest ? (int)(now - oldest).TotalSeconds : 0,
            });
        });
        return app;
    }
}
