using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>What the command decider is given: a comment, the commands parsed from it, and its author's role in the repository.</summary>
public sealed record CommentCommands(IssueCommentEvent Comment, ParsedCommands Commands, RepoPermission Permission);
