namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The slash commands whose permission the <c>commands</c> key may set. The command catalog owns them, but
/// configuration is read without depending on it; a test of the catalog fails when the two lists differ.
/// </summary>
public static class CommandNames
{
    public static IReadOnlyList<string> All { get; } =
        ["ack", "unack", "resolve", "reopen", "severity", "assign", "unassign", "autoclose", "status", "timeline", "escalate", "silence", "unsilence", "split", "oncall", "postmortem", "help"];
}
