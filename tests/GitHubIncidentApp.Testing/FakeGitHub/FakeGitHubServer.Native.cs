using System.Collections.Concurrent;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>GitHub's own issue features: an organisation's issue types and issue fields, and issues by their GraphQL id.</summary>
public sealed partial class FakeGitHubServer
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _issueTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakeIssueField>> _issueFields = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _fieldWritesRefused = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Makes <paramref name="owner"/> an organisation with issue fields (none: the feature on, no field yet); an owner
    /// without a call is a personal account or an organisation without issue fields: GitHub answers 404 for its fields.
    /// </summary>
    public void SetIssueFields(string owner, params FakeIssueField[] fields) => _issueFields[owner] = fields;

    /// <summary>Makes writes of <paramref name="owner"/>'s issue field values fail with <paramref name="statusCode"/> (the app may not set them).</summary>
    public void RefuseIssueFieldWrites(string owner, int statusCode = 403) => _fieldWritesRefused[owner] = statusCode;

    /// <summary>The organisation's issue fields; null where it has none.</summary>
    internal IReadOnlyList<FakeIssueField>? IssueFieldsOf(string owner) => _issueFields.GetValueOrDefault(owner);

    /// <summary>The status a write of <paramref name="owner"/>'s field values is refused with, or null.</summary>
    internal int? FieldWritesRefused(string owner) => _fieldWritesRefused.TryGetValue(owner, out var status) ? status : null;

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
