using System.Collections.Concurrent;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>GitHub's own issue features an organisation may have: its issue types.</summary>
public sealed partial class FakeGitHubServer
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _issueTypes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="owner"/> an organisation with these issue types; an owner without any is a personal account.</summary>
    public void SetIssueTypes(string owner, params string[] names) => _issueTypes[owner] = names;

    /// <summary>The organisation's issue types; null for a personal account.</summary>
    internal IReadOnlyList<string>? IssueTypesOf(string owner) => _issueTypes.GetValueOrDefault(owner);

    /// <summary>The type <paramref name="owner"/> has by the name asked for (any case), or null: GitHub drops the others.</summary>
    internal string? IssueType(string owner, string? name) =>
        name is null ? null : IssueTypesOf(owner)?.FirstOrDefault(type => string.Equals(type, name, StringComparison.OrdinalIgnoreCase));
}
