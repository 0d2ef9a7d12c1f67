using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>The lines a dry run logs for each write it would make.</summary>
public sealed partial class DryRunGitHubPort
{
    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would create issue in {Repo} as #{Number}: title={Title}, labels={Labels}, assignees={Assignees}, body ({BodyLength} chars): {BodyStart}")]
    private partial void LogCreateIssue(RepoRef repo, int number, string title, string labels, string assignees, int bodyLength, string bodyStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would send GraphQL for {Repo}: {Query}")]
    private partial void LogGraphQL(RepoRef repo, string query);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would update {Repo}#{Number}: {Changes}")]
    private partial void LogUpdateIssue(RepoRef repo, int number, string changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would file issue id {ChildId} under {Repo}#{Parent} as a sub-issue")]
    private partial void LogSubIssue(RepoRef repo, int parent, long childId);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would comment on {Repo}#{Number}: {Excerpt}")]
    private partial void LogComment(RepoRef repo, int number, string excerpt);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would create label {Label} (#{Color}) in {Repo}")]
    private partial void LogCreateLabel(RepoRef repo, string label, string color);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would react {Content} to comment {CommentId} in {Repo}")]
    private partial void LogReaction(RepoRef repo, long commentId, string content);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would assign {Logins} to {Repo}#{Number}")]
    private partial void LogAssign(RepoRef repo, int number, string logins);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would unassign {Logins} from {Repo}#{Number}")]
    private partial void LogUnassign(RepoRef repo, int number, string logins);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: assuming {Login} is an admin of {Repo}; a dry run cannot read permissions, so every command is allowed")]
    private partial void LogAssumedAdmin(string login, RepoRef repo);

    [LoggerMessage(Level = LogLevel.Debug, Message = "dry-run: not reading {Path} from {Repo}; treating it as absent")]
    private partial void LogNoFile(RepoRef repo, string path);
}
