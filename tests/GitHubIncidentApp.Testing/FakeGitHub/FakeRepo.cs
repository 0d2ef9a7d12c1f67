namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>One repository held in memory. Every member is safe to call while the server handles requests.</summary>
public sealed class FakeRepo
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

    /// <summary>
    /// Gives <paramref name="login"/> a role, served by <c>GET /collaborators/{user}/permission</c>; it also makes them
    /// assignable. <paramref name="roleName"/> is a base role (read, triage, write, maintain, admin) or an
    /// organisation's custom role, which then needs the <paramref name="baseRole"/> it extends.
    /// </summary>
    public void SetRole(string login, string roleName, string? baseRole = null)
    {
        if (FakeRole.BaseRoles.Contains(roleName))
        {
            baseRole = baseRole is null || baseRole == roleName ? roleName : throw new ArgumentException(
                $"'{roleName}' is a base role, so it cannot extend '{baseRole}': leave baseRole out.", nameof(baseRole));
        }
        else if (baseRole is not ("read" or "triage" or "write" or "maintain"))
        {
            throw new ArgumentException(
                $"Custom role '{roleName}' needs the base role it extends: read, triage, write or maintain (was '{baseRole}').", nameof(baseRole));
        }

        lock (_gate)
        {
            _roles[login] = new FakeRole(login, roleName, baseRole);
        }
    }

    /// <summary>Lets <paramref name="login"/> be assigned without a role (as GitHub does for, e.g., organisation members).</summary>
    public void AddAssignable(string login)
    {
        lock (_gate)
        {
            _assignable[login] = login;
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

    internal FakeIssue CreateIssue(string title, string body, IReadOnlyList<string> labels, IReadOnlyList<string> assignees, string author)
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
                CreatedAt = now,
                UpdatedAt = now,
            };
            _issues.Add(issue);
            return issue;
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

    internal FakeRole? FindRole(string login)
    {
        lock (_gate)
        {
            return _roles.GetValueOrDefault(login);
        }
    }

    /// <summary>
    /// The logins GitHub would keep from an <c>assignees</c> list: those with a role or made assignable, in
    /// their registered spelling, each once, at most <see cref="MaxAssignees"/>; the rest are silently dropped.
    /// </summary>
    internal IReadOnlyList<string> Assignable(IEnumerable<string> logins)
    {
        lock (_gate)
        {
            return [.. Canonical(logins).Take(MaxAssignees)];
        }
    }

    /// <summary>Adds the assignable ones of <paramref name="logins"/> up to <see cref="MaxAssignees"/> in all; null for an unknown issue.</summary>
    internal FakeIssue? AddAssignees(int number, IEnumerable<string> logins) =>
        ChangeAssignees(number, assignees => assignees.Concat(Canonical(logins)));

    internal FakeIssue? RemoveAssignees(int number, IEnumerable<string> logins) =>
        ChangeAssignees(number, assignees => assignees.Except(logins, StringComparer.OrdinalIgnoreCase));

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

    private FakeIssue? ChangeAssignees(int number, Func<IReadOnlyList<string>, IEnumerable<string>> change)
    {
        lock (_gate)
        {
            if (number < 1 || number > _issues.Count)
            {
                return null;
            }

            var issue = _issues[number - 1];
            var assignees = change(issue.Assignees).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxAssignees);
            issue = issue with { Assignees = [.. assignees], UpdatedAt = _time.GetUtcNow() };
            _issues[number - 1] = issue;
            return issue;
        }
    }

    /// <summary>The assignable ones of <paramref name="logins"/>, spelt as registered, each once.</summary>
    private IEnumerable<string> Canonical(IEnumerable<string> logins) =>
        logins
            .Select(login => _roles.TryGetValue(login, out var role) ? role.Login : _assignable.GetValueOrDefault(login))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

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
