using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>
/// Deliveries parked as failed, for a person to see and retry (<see cref="FailedDeliveries"/>). Protected by the
/// Alertmanager tokens: each sees and retries only the deliveries of the repositories it reaches.
/// </summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deliveries", async (string? state, HttpContext http, AlertmanagerCallers callers, FailedDeliveries failed, CancellationToken cancellationToken) =>
        {
            if (callers.Caller(AlertmanagerAuth.Token(http)) is not { } caller)
            {
                return AlertmanagerAuth.Unauthorized(http);
            }

            if (state != "failed")
            {
                return Results.Json(new { error = "only failed deliveries are listed: use /api/deliveries?state=failed" }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json((await failed.ListAsync(caller, cancellationToken)).Select(entry => new
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

        app.MapPost("/api/deliveries/{id:long}/retry", async (long id, HttpContext http, AlertmanagerCallers callers, FailedDeliveries failed, CancellationToken cancellationToken) =>
        {
            if (callers.Caller(AlertmanagerAuth.Token(http)) is not { } caller)
            {
                return AlertmanagerAuth.Unauthorized(http);
            }

            return await failed.RetryAsync(caller, id, cancellationToken)
                ? Results.Json(new { status = "retrying", id }, statusCode: StatusCodes.Status202Accepted)
                : Results.Json(new { error = $"delivery {id} is not a failed delivery of a repository this token reaches; list them with GET /api/deliveries?state=failed" }, statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }
}
