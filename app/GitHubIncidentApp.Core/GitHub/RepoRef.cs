using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A repository named as <c>owner/name</c>. Compared case-insensitively, as GitHub does.</summary>
public sealed partial record RepoRef
{
    public const int MaxOwnerLength = GitHubLogin.MaxLength;
    public const int MaxNameLength = 100;

    public RepoRef(string owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    public string Owner { get; }
    public string Name { get; }

    public override string ToString() => $"{Owner}/{Name}";

    public bool Equals(RepoRef? other) =>
        other is not null
        && string.Equals(Owner, other.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() =>
        HashCode.Combine(Owner.ToUpperInvariant(), Name.ToUpperInvariant());

    /// <summary>Why <paramref name="owner"/> is not a GitHub user or organization name; null when it is one.</summary>
    public static string? OwnerProblem(string owner) =>
        GitHubLogin.IsValid(owner)
            ? null
            : $"'{NameText.Shown(owner)}' is not a GitHub owner name: letters, digits and single hyphens, not starting or ending with a hyphen, at most {MaxOwnerLength} characters";

    /// <summary>Why <paramref name="name"/> is not a GitHub repository name; null when it is one.</summary>
    public static string? NameProblem(string name) =>
        NamePattern().IsMatch(name) && name is not "." and not ".."
            ? null
            : $"'{NameText.Shown(name)}' is not a GitHub repository name: letters, digits, '.', '-' and '_', at most {MaxNameLength} characters, not '.' or '..'";

    /// <summary>
    /// Parses <c>owner/name</c> (with <paramref name="defaultOwner"/>, a bare <c>name</c> too) by GitHub's naming
    /// rules: the one check for URLs, alert labels, webhook payloads and settings. Nothing is trimmed.
    /// </summary>
    /// <returns>The repository, or why the text is not one.</returns>
    public static (RepoRef? Repo, string? Problem) Parse(string? text, string? defaultOwner = null)
    {
        var parts = (text ?? "").Split('/');
        var (owner, name) = parts.Length switch
        {
            2 => (parts[0], parts[1]),
            1 when defaultOwner is not null => (defaultOwner, parts[0]),
            _ => (null, null),
        };
        if (owner is null || name is null)
        {
            return (null, $"'{NameText.Shown(text ?? "")}' is not owner/name");
        }

        var problem = OwnerProblem(owner) ?? NameProblem(name);
        return problem is null ? (new RepoRef(owner, name), null) : (null, problem);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out RepoRef? repo, string? defaultOwner = null)
    {
        repo = Parse(text, defaultOwner).Repo;
        return repo is not null;
    }

    // \A and \z: '$' would also match before a final newline.
    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,100}\z")]
    private static partial Regex NamePattern();
}
