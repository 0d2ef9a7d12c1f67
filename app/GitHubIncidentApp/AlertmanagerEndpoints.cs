using GitHubIncidentApp.Core.Incidents.Intake;
using Microsoft.AspNetCore.Http.Features;

namespace GitHubIncidentApp;

/// <summary>The Alertmanager webhook receiver: the request read for <see cref="AlertmanagerIntake"/>, its answer written back.</summary>
public static class AlertmanagerEndpoints
{
    /// <summary>The route value that holds a path below <c>/api/alertmanager</c> that names no repository.</summary>
    private const string OtherPath = "otherPath";

    public static IEndpointRouteBuilder MapAlertmanager(this IEndpointRouteBuilder app)
    {
        // One handler: the intake reads the repository from the request target itself (see AlertmanagerUrl).
        Delegate receive = async (HttpContext http, AlertmanagerIntake intake) => Answer(http, await intake.ReceiveAsync(Request(http), http.RequestAborted));
        app.MapPost("/api/alertmanager", receive);
        app.MapPost("/api/alertmanager/{owner}/{repo}", receive);

        // Any other path below it, as routed after the server's normalisation, gets a 400 that says what to post to.
        app.MapPost($"/api/alertmanager/{{**{OtherPath}}}", receive);
        return app;
    }

    private static AlertmanagerRequest Request(HttpContext http) => new()
    {
        Token = AlertmanagerAuth.Token(http),
        // The target as sent: the server removes dot segments before routing.
        Target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "",
        Owner = http.GetRouteValue("owner") as string,
        Repo = http.GetRouteValue("repo") as string,
        OtherPath = http.GetRouteValue(OtherPath) as string,
        ContentType = http.Request.ContentType,
        ContentLength = http.Request.ContentLength,
        Body = http.Request.Body,
    };

    private static IResult Answer(HttpContext http, IntakeAnswer answer) => answer.Outcome switch
    {
        IntakeOutcome.Accepted => Results.Json(new { status = "accepted", deliveryId = answer.DeliveryId, repository = answer.Repo }, statusCode: StatusCodes.Status202Accepted),
        IntakeOutcome.Unauthorized => AlertmanagerAuth.Unauthorized(http),
        _ => Results.Json(new { error = answer.Message, problems = answer.Problems ?? [] }, statusCode: IntakeStatus.Of(answer.Outcome)),
    };
}
