namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>One repository held in memory. Every member is safe to call while the server handles requests.</summary>
public sealed partial class FakeRepo
{
    /// <summary>GitHub gives auto-created labels this grey.</summary>
    internal const string DefaultLabelColor = "ededed";

    /// <summary>GitHub's limit on assignees per issue; more are ignored.</summary>
    internal const int MaxAssignees = 10;

    private readonly Lock _gate = new();
    private readonly List<FakeIssue> _issues = [];
    private readonly List<FakeLabel> _labels = [];
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeRole> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _assignable = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<long> _nextId;
    private readonly TimeProvider _time;

    internal FakeRepo(string owner, string name, Func<long> nextId, TimeProvider time)
    {
        Owner = owner;
        Name = name;
        _nextId = nextId;
        _time = time;
    }

    public string Owner { get; }
    public string Name { get; }

    /// <summary>Readable with any owner's token, as public repositories are; private (the default) ones only with their owner's.</summary>
    public bool IsPublic { get; set; }

    /// <summary>Where GitHub has no sub-issues (an older GitHub Enterprise Server): <c>POST /issues/{n}/sub_issues</c> answers 404.</summary>
    public bool SubIssuesUnsupported { get; set; }

    /// <summary>Issues in creation order (number 1 first).</summary>
    public IReadOnlyList<FakeIssue> Issues
    {
        get
        {
            lock (_gate)
            {
                return [.. _issues];
            }
        }
    }

    public IReadOnlyList<FakeLabel> Labels
    {
        get
        {
            lock (_gate)
            {
                return [.. _labels];
            }
        }
    }

    public FakeIssue Issue(int number) =>
        TryGetIssue(number) ?? throw new KeyNotFoundException($"{Owner}/{Name} has no issue #{number}; it has {Issues.Count} issues.");

    /// <summary>Puts a file on the default branch, served by <c>GET /contents/{path}</c>.</summary>
    public void SetFile(string path, string content)
    {
        lock (_gate)
        {
            _files[path.Trim('/')] = content;
        }
    }

    /// <summary>Adds a comment as <paramref name="author"/>, as a person would on github.com (no request is recorded).</summary>
    public FakeComment AddComment(int issueNumber, string author, string body) =>
        TryAddComment(issueNumber, author, body) ?? throw new KeyNotFoundException($"{Owner}/{Name} has no issue #{issueNumber}.");

    /// <summary>A comment by id, with its current reactions.</summary>
    public FakeComment Comment(long commentId) =>
        TryGetComment(commentId) ?? throw new KeyNotFoundException($"{Owner}/{Name} has no issue comment {commentId}.");

    /// <summary>
    /// Seeds an issue as if a person had opened it; labels that do not exist are created. Assignees are kept
    /// as given, unlike those of API writes, which must be assignable.
    /// </summary>
    public FakeIssue AddIssue(
        string title,
        string body = "",
        IEnumerable<string>? labels = null,
        bool open = true,
        IEnumerable<string>? assignees = null,
        string author = "octocat")
    {
        var issue = CreateIssue(title, body, [.. labels ?? []], [.. assignees ?? []], author);
        return open ? issue : UpdateIssue(issue.Number, new FakeIssuePatch { State = "closed" })!;
    }

    /// <summary>Edits an issue as a person would on github.com (no request is recorded).</summary>
    public FakeIssue EditIssue(int number, FakeIssuePatch patch) =>
        UpdateIssue(number, patch) ?? throw new KeyNotFoundException($"{Owner}/{Name} has no issue #{number}.");

    internal FakeIssue CreateIssue(string title, string body, IReadOnlyList<string> labels, IReadOnlyList<string> assignees, string author, string? type = null)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var issue = new FakeIssue
            {
                Id = _nextId(),
                Number = _issues.Count + 1,
                Title = title,
                Body = body,
                Author = author,
                Labels = ResolveLabels(labels),
                Assignees = [.. assignees.Distinct(StringComparer.OrdinalIgnoreCase)],
                Type = type,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _issues.Add(issue);
            return issue;
        }
    }

    /// <summary>Files the issue with id <paramref name="childId"/> under issue <paramref name="parent"/>: the child, or why not.</summary>
    internal (FakeIssue? Child, string? Problem) AddSubIssue(int parent, long childId)
    {
        lock (_gate)
        {
            var child = _issues.FirstOrDefault(issue => issue.Id == childId);
            if (child is null || parent < 1 || parent > _issues.Count)
            {
                return (null, null);
            }

            if (child.Number == parent || _issues.Any(issue => issue.SubIssues.Contains(child.Number)))
            {
                return (child, "The sub-issue already has a parent or is the parent itself");
            }

            _issues[parent - 1] = _issues[parent - 1] with { SubIssues = [.. _issues[parent - 1].SubIssues, child.Number] };
            return (child, null);
        }
    }

    internal FakeIssue? TryGetIssue(int number)
    {
        lock (_gate)
        {
            return number >= 1 && number <= _issues.Count ? _issues[number - 1] : null;
        }
    }

    internal FakeIssue? UpdateIssue(int number, FakeIssuePatch patch)
    {
        lock (_gate)
        {
            if (number < 1 || number > _issues.Count)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            var issue = _issues[number - 1];
            issue = issue with
            {
                Title = patch.Title ?? issue.Title,
                Body = patch.Body ?? issue.Body,
                Labels = patch.Labels is null ? issue.Labels : ResolveLabels(patch.Labels),
                Assignees = patch.Assignees is null ? issue.Assignees : [.. patch.Assignees.Distinct(StringComparer.OrdinalIgnoreCase)],
                UpdatedAt = now,
            };
            issue = (patch.State, issue.IsOpen) switch
            {
                ("closed", true) => issue with { State = "closed", StateReason = patch.StateReason ?? "completed", ClosedAt = now },
                ("closed", false) => issue with { StateReason = patch.StateReason ?? issue.StateReason },
                ("open", false) => issue with { State = "open", StateReason = "reopened", ClosedAt = null },
                _ => issue,
            };
            _issues[number - 1] = issue;
            return issue;
        }
    }

    internal FakeComment? TryAddComment(int number, string author, string body)
    {
        lock (_gate)
        {
            if (number < 1 || number > _issues.Count)
            {
                return null;
            }

            var issue = _issues[number - 1];
            var comment = new FakeComment(_nextId(), author, body, _time.GetUtcNow());
            _issues[number - 1] = issue with { Comments = [.. issue.Comments, comment], UpdatedAt = comment.CreatedAt };
            return comment;
        }
    }

    internal FakeComment? TryGetComment(long commentId)
    {
        lock (_gate)
        {
            return _issues.SelectMany(issue => issue.Comments).FirstOrDefault(comment => comment.Id == commentId);
        }
    }

    /// <summary>True when added, false when the app had already reacted so; null for an unknown comment.</summary>
    internal bool? AddReaction(long commentId, string content)
    {
        lock (_gate)
        {
            var index = _issues.FindIndex(issue => issue.Comments.Any(comment => comment.Id == commentId));
            if (index < 0)
            {
                return null;
            }

            var issue = _issues[index];
            var comment = issue.Comments.First(c => c.Id == commentId);
            if (comment.Reactions.Contains(content))
            {
                return false;
            }

            var reacted = comment with { Reactions = [.. comment.Reactions, content] };
            _issues[index] = issue with { Comments = [.. issue.Comments.Select(c => c.Id == commentId ? reacted : c)] };
            return true;
        }
    }

    /// <summary>Null when a label of that name (compared case-insensitively, as GitHub does) exists.</summary>
    internal FakeLabel? CreateLabel(string name, string? color, string? description)
    {
        lock (_gate)
        {
            if (FindLabel(name) is not null)
            {
                return null;
            }

            var label = new FakeLabel(_nextId(), name, color ?? DefaultLabelColor, description);
            _labels.Add(label);
            return label;
        }
    }

    internal string? TryGetFile(string path)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(path.Trim('/'));
        }
    }

    /// <summary>Maps names to existing labels' spelling and creates the missing ones, as GitHub does on issue writes.</summary>
    private List<string> ResolveLabels(IEnumerable<string> names)
    {
        var resolved = new List<string>();
        foreach (var name in names)
        {
            var label = FindLabel(name) ?? CreateLabel(name, null, null)!;
            if (!resolved.Contains(label.Name))
            {
                resolved.Add(label.Name);
            }
        }

        return resolved;
    }

    private FakeLabel? FindLabel(string name) =>
        _labels.Find(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
}
