namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// What <see cref="GitHubEventParser"/> made of a payload: an event, nothing (an event or action
/// that is not used, with the reason), or the error that makes the payload unusable.
/// </summary>
public sealed record GitHubEventParseResult
{
    private GitHubEventParseResult()
    {
    }

    public GitHubEvent? Event { get; private init; }

    /// <summary>Why the payload was ignored; null unless it was.</summary>
    public string? IgnoredReason { get; private init; }

    /// <summary>What is wrong with the payload; null unless it is malformed.</summary>
    public string? Error { get; private init; }

    public static GitHubEventParseResult Parsed(GitHubEvent gitHubEvent) => new() { Event = gitHubEvent };

    public static GitHubEventParseResult Ignored(string reason) => new() { IgnoredReason = reason };

    public static GitHubEventParseResult Failed(string error) => new() { Error = error };
}
