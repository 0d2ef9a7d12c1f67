namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>An Alertmanager delivery as the host read it off the wire; <see cref="AlertmanagerIntake"/> reads the body only once the rest passed.</summary>
public sealed record AlertmanagerRequest
{
    /// <summary>The token presented (Bearer, or basic_auth's password); null when none.</summary>
    public string? Token { get; init; }

    /// <summary>The request target as sent, before the server normalised it.</summary>
    public required string Target { get; init; }

    /// <summary>The owner the route read from the path (<c>/api/alertmanager/{owner}/{repo}</c>); null when it names none.</summary>
    public string? Owner { get; init; }

    /// <summary>The repository's name the route read from the path.</summary>
    public string? Repo { get; init; }

    /// <summary>A path below <c>/api/alertmanager</c> the routes did not read as a repository.</summary>
    public string? OtherPath { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The length the sender declared, if any.</summary>
    public long? ContentLength { get; init; }

    public required Stream Body { get; init; }
}
