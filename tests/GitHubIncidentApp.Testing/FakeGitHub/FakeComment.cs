namespace GitHubIncidentApp.Testing.FakeGitHub;

public sealed record FakeComment(long Id, string Author, string Body, DateTimeOffset CreatedAt)
{
    /// <summary>Contents (<c>+1</c>, <c>eyes</c>, ...) of the reactions the app added, in order; each at most once.</summary>
    public IReadOnlyList<string> Reactions { get; init; } = [];
}
