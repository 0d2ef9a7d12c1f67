using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// Deliveries parked as failed (a 404 or 422 that retrying cannot fix), for a person to see and, once the
/// cause is fixed, retry. Protected by the Alertmanager tokens: each sees and retries only the deliveries of
/// the repositories it reaches.
/// </summary>
public static class DeliveryEndpoints
{
    private const int MaxListed = 500;

    public static IEndpointRouteBuilder MapDeliveries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deliveries", async (string? state, HttpContext http, AppSettings settings, IInbox inbox, CancellationToken cancellationToken) =>
        {
            if (AlertmanagerAuth.Caller(http, settings) is not { } caller)
            {
                return AlertmanagerAuth.Unauthorized(http);
            }

            if (state != "failed")
            {
                return Results.Json(new { error = "only failed deliveries are listed: use /api/deliveries?state=failed" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var failed = await inbox.ListFailedAsync(MaxListed, cancellationToken);
            return Results.Json(failed.Where(entry => Reaches(caller, entry)).Select(entry => new
            {
                id = entry.Id,
                source = entry.Item.Source,
                deliveryId = entry.Item.DeliveryId,
                repository = entry.Item.Repo,
                receivedAt = entry.Item.ReceivedAt,
                attempts = entry.Attempts,
                error = entry.LastError,
            }));
        });

        app.MapPost("/api/deliveries/{id:long}/retry", async (long id, HttpContext http, AppSettings settings, IInbox inbox, InboxSignal signal, CancellationToken cancellationToken) =>
        {
            if (AlertmanagerAuth.Caller(http, settings) is not { } caller)
            {
                return AlertmanagerAuth.Unauthorized(http);
            }

            var failed = await inbox.ListFailedAsync(MaxListed, cancellationToken);
            if (!failed.Any(entry => entry.Id == id && Reaches(caller, entry)) || !await inbox.RetryFailedAsync(id, cancellationToken))
            {
                return Results.Json(new { error = $"delivery {id} is not a failed delivery of a repository this token reaches; list them with GET /api/deliveries?state=failed" }, statusCode: StatusCodes.Status404NotFound);
            }

            signal.Wake();
            return Results.Json(new { status = "retrying", id }, statusCode: StatusCodes.Status202Accepted);
        });
        return app;
    }

    private static bool Reaches(AlertmanagerToken caller, InboxEntry entry) =>
        RepoRef.TryParse(entry.Item.Repo, out var repo) && caller.Scope.Allows(repo);
}
