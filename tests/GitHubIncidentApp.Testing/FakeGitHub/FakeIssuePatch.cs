namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>The fields of a <c>PATCH /issues/{n}</c> body; null means "not sent".</summary>
public sealed record FakeIssuePatch
{
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? State { get; init; }
    public string? StateReason { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }
    public IReadOnlyList<string>? Assignees { get; init; }
}
