using System.Net;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// <see cref="IGitHubPort"/> for running without GitHub credentials: logs each write it would make
/// and keeps the resulting issues in memory (numbered from 1 per repository), so later deliveries
/// in the same run see consistent issues. It reads no files and knows only the labels it "created".
/// Everyone counts as an admin, so slash commands tried locally are carried out, not refused.
/// </summary>
public sealed partial class DryRunGitHubPort(ILogger<DryRunGitHubPort> logger, TimeProvider timeProvider) : IGitHubPort
{
    private const int CommentExcerptLength = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<RepoRef, List<IssueSnapshot>> _issues = [];
    private readonly Dictionary<RepoRef, List<string>> _labels = [];

    public Task<IssueSnapshot> CreateIssueAsync(RepoRef repo, NewIssue issue, CancellationToken cancellationToken)
    {
        IssueSnapshot created;
        lock (_gate)
        {
            var issues = Issues(repo);
            created = new IssueSnapshot
            {
                Number = issues.Count + 1,
                Title = issue.Title,
                Body = issue.Body,
                IsOpen = true,
                Labels = [.. issue.Labels],
                Assignees = [.. issue.Assignees],
            };
            issues.Add(created);
            AddLabels(repo, issue.Labels);
        }

        LogCreateIssue(repo, created.Number, issue.Title, List(issue.Labels), List(issue.Assignees), issue.Body.Length);
        return Task.FromResult(created);
    }

    public Task<IssueSnapshot> GetIssueAsync(RepoRef repo, int number, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(repo, number));
        }
    }

    public Task<IssueSnapshot> UpdateIssueAsync(RepoRef repo, int number, IssueUpdate update, CancellationToken cancellationToken)
    {
        IssueSnapshot updated;
        lock (_gate)
        {
            var issue = Find(repo, number);
            var closes = update.Open == false && issue.IsOpen;
            updated = issue with
            {
                IsOpen = update.Open ?? issue.IsOpen,
                Body = update.Body ?? issue.Body,
                Labels = update.Labels is { } labels ? [.. labels] : issue.Labels,
                ClosedAt = update.Open == true ? null : closes ? timeProvider.GetUtcNow() : issue.ClosedAt,
            };
            Issues(repo)[number - 1] = updated;
            AddLabels(repo, updated.Labels);
        }

        LogUpdateIssue(repo, number, Describe(update));
        return Task.FromResult(updated);
    }

    public Task AddCommentAsync(RepoRef repo, int number, string body, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Find(repo, number);
        }

        LogComment(repo, number, body.Length <= CommentExcerptLength ? body : body[..CommentExcerptLength] + "…");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<IssueSnapshot> matching =
                [.. Issues(repo).Where(issue => issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase))];
            return Task.FromResult(matching);
        }
    }

    public Task<IReadOnlyList<string>> ListLabelsAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. Labels(repo)]);
        }
    }

    public Task CreateLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            AddLabels(repo, [label.Name]);
        }

        LogCreateLabel(repo, label.Name, label.Color.TrimStart('#'));
        return Task.CompletedTask;
    }

    public Task<RepoPermission> GetPermissionAsync(RepoRef repo, string login, CancellationToken cancellationToken)
    {
        // Someone trying slash commands locally should see them work rather than be refused.
        LogAssumedAdmin(login, repo);
        return Task.FromResult(RepoPermission.Admin);
    }

    public Task AddReactionAsync(RepoRef repo, long commentId, string content, CancellationToken cancellationToken)
    {
        LogReaction(repo, commentId, content);
        return Task.CompletedTask;
    }

    public Task<IssueSnapshot> AddAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        var updated = ChangeAssignees(repo, number, assignees => assignees.Union(logins, StringComparer.OrdinalIgnoreCase));
        LogAssign(repo, number, List(logins));
        return Task.FromResult(updated);
    }

    public Task<IssueSnapshot> RemoveAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        var updated = ChangeAssignees(repo, number, assignees => assignees.Except(logins, StringComparer.OrdinalIgnoreCase));
        LogUnassign(repo, number, List(logins));
        return Task.FromResult(updated);
    }

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken)
    {
        LogNoFile(repo, path);
        return Task.FromResult<string?>(null);
    }

    private List<IssueSnapshot> Issues(RepoRef repo) =>
        _issues.TryGetValue(repo, out var issues) ? issues : _issues[repo] = [];

    private List<string> Labels(RepoRef repo) =>
        _labels.TryGetValue(repo, out var labels) ? labels : _labels[repo] = [];

    private IssueSnapshot Find(RepoRef repo, int number)
    {
        var issues = Issues(repo);
        return number >= 1 && number <= issues.Count
            ? issues[number - 1]
            : throw new GitHubApiException(
                $"dry-run: {repo}#{number} was not created in this run, and a dry run cannot read real issues: run with GitHub App credentials to act on existing issues.",
                HttpStatusCode.NotFound);
    }

    /// <summary>Everyone can be assigned in a dry run: there is no repository to ask who may be.</summary>
    private IssueSnapshot ChangeAssignees(RepoRef repo, int number, Func<IReadOnlyList<string>, IEnumerable<string>> change)
    {
        lock (_gate)
        {
            var issue = Find(repo, number);
            var updated = issue with { Assignees = [.. change(issue.Assignees)] };
            Issues(repo)[number - 1] = updated;
            return updated;
        }
    }

    private void AddLabels(RepoRef repo, IEnumerable<string> names)
    {
        var labels = Labels(repo);
        labels.AddRange(names.Where(name => !labels.Contains(name, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private static string List(IEnumerable<string> items) => $"[{string.Join(", ", items)}]";

    private static string Describe(IssueUpdate update)
    {
        var parts = new List<string>();
        if (update.Open is { } open)
        {
            parts.Add(open ? "state=open" : $"state=closed state_reason={update.StateReason ?? "completed"}");
        }

        if (update.Labels is { } labels)
        {
            parts.Add($"labels={List(labels)}");
        }

        if (update.Body is { } body)
        {
            parts.Add($"body=({body.Length} chars)");
        }

        return parts.Count == 0 ? "nothing" : string.Join(' ', parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would create issue in {Repo} as #{Number}: title={Title}, labels={Labels}, assignees={Assignees}, body=({BodyLength} chars)")]
    private partial void LogCreateIssue(RepoRef repo, int number, string title, string labels, string assignees, int bodyLength);

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would update {Repo}#{Number}: {Changes}")]
    private partial void LogUpdateIssue(RepoRef repo, int number, string changes);

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
