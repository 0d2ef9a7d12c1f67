using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>One change to apply to GitHub, decided without calling it.</summary>
public abstract record IssueOperation;

/// <summary>Labels the following operations use; created (with colours) only where the repository lacks them.</summary>
public sealed record EnsureLabels(IReadOnlyList<LabelSpec> Labels) : IssueOperation;

/// <summary>Opens the incident issue with title, body, labels and assignees in one call.</summary>
public sealed record CreateIssue(NewIssue Issue) : IssueOperation;

public sealed record CommentOnIssue(string Body) : IssueOperation;

/// <summary>
/// Changes to the existing issue, applied as one <c>PATCH</c>. A new <see cref="Section"/> needs the
/// current body first (people's text around the section is kept), so it costs one read more.
/// </summary>
public sealed record UpdateIssue : IssueOperation
{
    public bool? Open { get; init; }
    public string? StateReason { get; init; }
    public IReadOnlyList<string> AddLabels { get; init; } = [];
    public IReadOnlyList<string> RemoveLabels { get; init; } = [];
    public string? Section { get; init; }
}
