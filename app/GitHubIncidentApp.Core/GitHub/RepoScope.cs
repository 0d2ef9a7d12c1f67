namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// The repositories a sender may reach, from a comma-separated list of <c>owner/repo</c>, <c>owner/*</c>
/// and <c>*</c> (every repository). Names are matched case-insensitively, as GitHub does.
/// </summary>
public sealed class RepoScope
{
    public const string Forms = "owner/repo, owner/* or * (every repository where the app is installed), separated by commas";

    private readonly IReadOnlyList<string> _entries;
    private readonly HashSet<string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<RepoRef> _repos = [];
    private bool _everything;

    private RepoScope(IReadOnlyList<string> entries)
    {
        _entries = entries;
    }

    public static RepoScope Everything { get; } = Parse("*").Scope!;

    /// <summary>Every repository of <paramref name="owner"/>.</summary>
    public static RepoScope Owner(string owner) => Parse($"{owner}/*").Scope!;

    /// <returns>The scope, or one problem per entry that is not one of the <see cref="Forms"/>.</returns>
    public static (RepoScope? Scope, IReadOnlyList<string> Problems) Parse(string text)
    {
        var entries = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            return (null, [$"names no repository: use {Forms}"]);
        }

        var scope = new RepoScope(entries);
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            if (scope.Add(entry) is { } problem)
            {
                problems.Add($"entry '{NameText.Shown(entry)}' is not {Forms}: {problem}");
            }
        }

        return problems.Count == 0 ? (scope, problems) : (null, problems);
    }

    public bool Allows(RepoRef repo) => _everything || _owners.Contains(repo.Owner) || _repos.Contains(repo);

    public override string ToString() => string.Join(",", _entries);

    private string? Add(string entry)
    {
        if (entry == "*")
        {
            _everything = true;
            return null;
        }

        if (entry.EndsWith("/*", StringComparison.Ordinal))
        {
            var owner = entry[..^2];
            var problem = RepoRef.OwnerProblem(owner);
            if (problem is null)
            {
                _owners.Add(owner);
            }

            return problem;
        }

        var (repo, repoProblem) = RepoRef.Parse(entry);
        if (repo is not null)
        {
            _repos.Add(repo);
        }

        return repoProblem;
    }
}
