namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// What the intake made of a delivery, for the host to answer in its protocol. A sender retries only what the
/// host cannot take now (<see cref="Unavailable"/>); every other refusal is one a retry cannot mend.
/// </summary>
public enum IntakeOutcome
{
    /// <summary>Stored: it will be processed.</summary>
    Accepted,

    /// <summary>Answered and dropped: an event the incidents do not use.</summary>
    Ignored,

    /// <summary>GitHub's ping: the webhook reaches the app.</summary>
    Pong,

    /// <summary>Missing or wrong credentials.</summary>
    Unauthorized,

    /// <summary>Not a delivery the intake can read, or one (or a URL) that names no repository by GitHub's rules.</summary>
    BadRequest,

    /// <summary>Not sent as JSON.</summary>
    UnsupportedMediaType,

    /// <summary>Over the body size limit.</summary>
    TooLarge,

    /// <summary>Readable, but it names no repository to open incidents in.</summary>
    Unprocessable,

    /// <summary>The credentials may not reach the repository the delivery names.</summary>
    Forbidden,

    /// <summary>Not stored (the inbox is full or failed): the sender should retry.</summary>
    Unavailable,
}

/// <summary>An <see cref="IntakeOutcome"/> with what the sender is told.</summary>
/// <param name="Message">Why it was refused or ignored; empty when it was stored.</param>
/// <param name="Problems">What is wrong with a payload that could not be read, one line each.</param>
public sealed record IntakeAnswer(IntakeOutcome Outcome, string Message = "", IReadOnlyList<string>? Problems = null)
{
    /// <summary>The delivery's id, once known.</summary>
    public string DeliveryId { get; init; } = "";

    /// <summary>The repository a stored Alertmanager delivery is for.</summary>
    public string? Repo { get; init; }
}
