namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>The issue an incident lives in, as known after applying operations.</summary>
public sealed record IncidentIssue(int Number, IReadOnlyList<string> Labels, string HtmlUrl = "")
{
    /// <summary>Who is assigned, as of the last call that returned the issue.</summary>
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>GitHub's id of the issue (0 when not known): the sub-issues API names a child by it.</summary>
    public long Id { get; init; }

    /// <summary>GitHub's GraphQL id of the issue ("" when not known): pinning names the issue by it.</summary>
    public string NodeId { get; init; } = "";
}
