using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp;

/// <summary>The HTTP status of each <see cref="IntakeOutcome"/>: senders retry only a 5xx.</summary>
public static class IntakeStatus
{
    public static int Of(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Accepted => StatusCodes.Status202Accepted,
        IntakeOutcome.Ignored or IntakeOutcome.Pong => StatusCodes.Status200OK,
        IntakeOutcome.Unauthorized => StatusCodes.Status401Unauthorized,
        IntakeOutcome.BadRequest => StatusCodes.Status400BadRequest,
        IntakeOutcome.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        IntakeOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        IntakeOutcome.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        IntakeOutcome.Forbidden => StatusCodes.Status403Forbidden,
        IntakeOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
