namespace GitHubIncidentApp.Testing.FakeGitHub;

public sealed record FakeComment(long Id, string Author, string Body, DateTimeOffset CreatedAt);
