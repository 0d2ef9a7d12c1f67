namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// An immutable snapshot of an issue: the server replaces it on every change, so tests can
/// read it while requests are being handled.
/// </summary>
public sealed record FakeIssue
{
    public required long Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required string Author { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string State { get; init; } = "open";

    /// <summary><c>completed</c>, <c>not_planned</c>, <c>reopened</c> or null.</summary>
    public string? StateReason { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Assignees { get; init; } = [];
    public IReadOnlyList<FakeComment> Comments { get; init; } = [];

    /// <summary>Its organisation issue type's name; null when it has none (or GitHub dropped the one asked for).</summary>
    public string? Type { get; init; }

    /// <summary>Its organisation issue field values, by the field's name: a single-select field's option name, or the text.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The numbers of its sub-issues (<c>POST /issues/{n}/sub_issues</c>), in the order added.</summary>
    public IReadOnlyList<int> SubIssues { get; init; } = [];

    public bool IsOpen => State == "open";
}
