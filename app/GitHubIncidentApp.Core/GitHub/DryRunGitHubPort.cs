using System.Net;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// <see cref="IGitHubPort"/> that writes nothing: it logs each write it would make and keeps the issues it
/// would have changed in memory, so later steps of the same run see consistent issues. Without a reader
/// (no credentials) it reads nothing either: no files, no existing issues, new issues numbered from 1 per
/// repository, and everyone counts as an admin so slash commands tried locally are carried out. With a reader
/// (<see cref="ReadingFrom"/>), reads go to GitHub, so the run decides as it would for real.
/// </summary>
public sealed partial class DryRunGitHubPort : IGitHubPort
{
    /// <summary>The author of a dry run's issues when none is given; the App's dry run trusts it as its bot.</summary>
    public const string DefaultAuthor = "incident-app-dry-run[bot]";

    private readonly ILogger<DryRunGitHubPort> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly IGitHubPort? _reader;
    private readonly string _author;
    private readonly Lock _gate = new();
    private readonly Dictionary<(RepoRef Repo, int Number), IssueSnapshot> _issues = [];
    private readonly Dictionary<RepoRef, int> _highestNumber = [];
    private readonly Dictionary<RepoRef, List<string>> _labels = [];

    /// <summary>A dry run that reads nothing.</summary>
    /// <param name="author">Whom the issues it opens are authored by: the identity the run trusts as the app's.</param>
    public DryRunGitHubPort(ILogger<DryRunGitHubPort> logger, TimeProvider timeProvider, string author = DefaultAuthor)
        : this(logger, timeProvider, reader: null, author)
    {
    }

    private DryRunGitHubPort(ILogger<DryRunGitHubPort> logger, TimeProvider timeProvider, IGitHubPort? reader, string author)
    {
        _logger = logger;
        _timeProvider = timeProvider;
        _reader = reader;
        _author = author;
    }

    /// <summary>A dry run that reads issues, labels, permissions and files through <paramref name="reader"/> and writes nothing.</summary>
    public static DryRunGitHubPort ReadingFrom(IGitHubPort reader, ILogger<DryRunGitHubPort> logger, TimeProvider timeProvider, string author = DefaultAuthor) =>
        new(logger, timeProvider, reader, author);

    public Task<IssueSnapshot> CreateIssueAsync(RepoRef repo, NewIssue issue, CancellationToken cancellationToken)
    {
        IssueSnapshot created;
        lock (_gate)
        {
            // Above every number seen, so it does not stand for a real issue read later in the run.
            var number = _highestNumber.GetValueOrDefault(repo) + 1;
            created = new IssueSnapshot
            {
                Number = number,
                Title = issue.Title,
                Body = issue.Body,
                IsOpen = true,
                Labels = [.. issue.Labels],
                Assignees = [.. issue.Assignees],
                Author = _author,
                Type = issue.Type,
            };
            Keep(repo, created);
            AddLabels(repo, issue.Labels);
        }

        LogCreateIssue(repo, created.Number, issue.Title, List(issue.Labels), List(issue.Assignees), issue.Body.Length, DryRunExcerpt.Body(issue.Body));
        return Task.FromResult(created);
    }

    public async Task<IssueSnapshot> GetIssueAsync(RepoRef repo, int number, CancellationToken cancellationToken) =>
        Known(repo, number) ?? Seen(repo, await ReaderOrNotFound(repo, number).GetIssueAsync(repo, number, cancellationToken));

    public async Task<IssueSnapshot> UpdateIssueAsync(RepoRef repo, int number, IssueUpdate update, CancellationToken cancellationToken)
    {
        var issue = await GetIssueAsync(repo, number, cancellationToken);
        var closes = update.Open == false && issue.IsOpen;
        var updated = issue with
        {
            IsOpen = update.Open ?? issue.IsOpen,
            Title = update.Title ?? issue.Title,
            Body = update.Body ?? issue.Body,
            Labels = update.Labels is { } labels ? [.. labels] : issue.Labels,
            ClosedAt = update.Open == true ? null : closes ? _timeProvider.GetUtcNow() : issue.ClosedAt,
        };
        lock (_gate)
        {
            Keep(repo, updated);
            AddLabels(repo, updated.Labels);
        }

        LogUpdateIssue(repo, number, Describe(update));
        return updated;
    }

    public async Task AddCommentAsync(RepoRef repo, int number, string body, CancellationToken cancellationToken)
    {
        await GetIssueAsync(repo, number, cancellationToken);
        LogComment(repo, number, DryRunExcerpt.Comment(body));
    }

    /// <summary>None: a dry run's comments were only logged, so none of them is on GitHub to be found.</summary>
    public Task<IReadOnlyList<string>> ListCommentBodiesAsync(RepoRef repo, int number, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>What GitHub lists (since <paramref name="updatedSince"/>), with this run's changes, and every issue this run wrote.</summary>
    public async Task<IReadOnlyList<IssueSnapshot>> ListIssuesWithLabelAsync(
        RepoRef repo, string label, CancellationToken cancellationToken, DateTimeOffset? updatedSince = null, bool openOnly = false)
    {
        var read = _reader is null ? [] : await _reader.ListIssuesWithLabelAsync(repo, label, cancellationToken, updatedSince, openOnly);
        lock (_gate)
        {
            foreach (var issue in read)
            {
                Seen(repo, issue);
            }

            // This run's changes win over what GitHub still shows.
            return [.. read.Select(issue => _issues.GetValueOrDefault((repo, issue.Number)) ?? issue)
                .UnionBy(_issues.Where(pair => pair.Key.Repo == repo).Select(pair => pair.Value), issue => issue.Number)
                .Where(issue => issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase) && (issue.IsOpen || !openOnly))
                .OrderBy(issue => issue.Number)];
        }
    }

    /// <summary>What GitHub says with a reader; without one, private: nothing is known, and a status page then needs its token.</summary>
    public Task<bool> IsPrivateAsync(RepoRef repo, CancellationToken cancellationToken) =>
        _reader?.IsPrivateAsync(repo, cancellationToken) ?? Task.FromResult(true);

    public async Task<IReadOnlyList<string>> ListLabelsAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var read = _reader is null ? [] : await _reader.ListLabelsAsync(repo, cancellationToken);
        lock (_gate)
        {
            return [.. read.UnionBy(Labels(repo), name => name.ToUpperInvariant())];
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
        if (_reader is not null)
        {
            return _reader.GetPermissionAsync(repo, login, cancellationToken);
        }

        // Someone trying slash commands locally should see them work rather than be refused.
        LogAssumedAdmin(login, repo);
        return Task.FromResult(RepoPermission.Admin);
    }

    public Task AddReactionAsync(RepoRef repo, long commentId, string content, CancellationToken cancellationToken)
    {
        LogReaction(repo, commentId, content);
        return Task.CompletedTask;
    }

    public Task<bool> AddSubIssueAsync(RepoRef repo, int parent, long childId, CancellationToken cancellationToken)
    {
        LogSubIssue(repo, parent, childId);
        return Task.FromResult(true);
    }

    public async Task<IssueSnapshot> AddAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        var updated = await ChangeAssigneesAsync(repo, number, assignees => assignees.Union(logins, StringComparer.OrdinalIgnoreCase), cancellationToken);
        LogAssign(repo, number, List(logins));
        return updated;
    }

    public async Task<IssueSnapshot> RemoveAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        var updated = await ChangeAssigneesAsync(repo, number, assignees => assignees.Except(logins, StringComparer.OrdinalIgnoreCase), cancellationToken);
        LogUnassign(repo, number, List(logins));
        return updated;
    }

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken) =>
        ReadFileAsync(repo, path, reader => reader.GetFileAsync(repo, path, cancellationToken));

    public Task<string?> GetFileAsync(RepoRef readingFor, RepoRef repo, string path, CancellationToken cancellationToken) =>
        ReadFileAsync(repo, path, reader => reader.GetFileAsync(readingFor, repo, path, cancellationToken));

    public Task<GraphQLAnswer> GraphQLAsync(RepoRef repo, string query, IReadOnlyDictionary<string, object> variables, CancellationToken cancellationToken)
    {
        // Nothing is sent: a query reads nothing here, as if nothing were pinned.
        LogGraphQL(repo, DryRunExcerpt.Body(query.ReplaceLineEndings(" ")));
        return Task.FromResult(GraphQLAnswer.Parse(null));
    }

    private Task<string?> ReadFileAsync(RepoRef repo, string path, Func<IGitHubPort, Task<string?>> read)
    {
        if (_reader is not null)
        {
            return read(_reader);
        }

        LogNoFile(repo, path);
        return Task.FromResult<string?>(null);
    }

    private List<string> Labels(RepoRef repo) =>
        _labels.TryGetValue(repo, out var labels) ? labels : _labels[repo] = [];

    private IssueSnapshot? Known(RepoRef repo, int number)
    {
        lock (_gate)
        {
            return _issues.GetValueOrDefault((repo, number));
        }
    }

    private IGitHubPort ReaderOrNotFound(RepoRef repo, int number) =>
        _reader ?? throw new GitHubApiException(
            $"dry-run: {repo}#{number} was not created in this run, and a dry run without credentials cannot read real issues: give it a token or GitHub App credentials to act on existing issues.",
            HttpStatusCode.NotFound);

    private IssueSnapshot Seen(RepoRef repo, IssueSnapshot issue)
    {
        lock (_gate)
        {
            _highestNumber[repo] = Math.Max(_highestNumber.GetValueOrDefault(repo), issue.Number);
        }

        return issue;
    }

    private void Keep(RepoRef repo, IssueSnapshot issue)
    {
        _issues[(repo, issue.Number)] = issue;
        _highestNumber[repo] = Math.Max(_highestNumber.GetValueOrDefault(repo), issue.Number);
    }

    /// <summary>Everyone can be assigned in a dry run: it does not ask GitHub who may be.</summary>
    private async Task<IssueSnapshot> ChangeAssigneesAsync(RepoRef repo, int number, Func<IReadOnlyList<string>, IEnumerable<string>> change, CancellationToken cancellationToken)
    {
        var issue = await GetIssueAsync(repo, number, cancellationToken);
        var updated = issue with { Assignees = [.. change(issue.Assignees)] };
        lock (_gate)
        {
            Keep(repo, updated);
        }

        return updated;
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

        if (update.Title is { } title)
        {
            parts.Add($"title={title}");
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
}
