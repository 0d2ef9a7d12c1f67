namespace GitHubIncidentApp.Core.Storage;

/// <summary>Where an inbox item came from, as stored in its <c>source</c> column.</summary>
public static class InboxSources
{
    public const string Alertmanager = "alertmanager";

    /// <summary>GitHub deliveries are stored with the source <c>github/{event name}</c>.</summary>
    public const string GitHubPrefix = "github/";

    /// <summary>A due timed step (escalation, acknowledgement timeout); the payload is the issue number.</summary>
    public const string Timer = "timer";
}
