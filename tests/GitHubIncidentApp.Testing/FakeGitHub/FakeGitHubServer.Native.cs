using System.Collections.Concurrent;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>GitHub's own issue features: an organisation's issue types, and issues by their GraphQL id.</summary>
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

    /// <summary>The issue with GraphQL id <paramref name="nodeId"/> (<c>I_{id}</c>) in <paramref name="owner"/>'s repositories.</summary>
    internal (FakeRepo Repo, FakeIssue Issue)? FindIssue(string owner, string? nodeId) =>
        _repos.Values
            .Where(repo => string.Equals(repo.Owner, owner, StringComparison.OrdinalIgnoreCase))
            .SelectMany(repo => repo.Issues.Select(issue => (Repo: repo, Issue: issue)))
            .Where(found => $"I_{found.Issue.Id}" == nodeId)
            .Select(found => ((FakeRepo, FakeIssue)?)found)
            .FirstOrDefault();
}
