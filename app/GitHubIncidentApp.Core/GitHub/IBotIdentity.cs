namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// The login the app writes as on GitHub: issues it opens are authored by it, and only those carry
/// incidents (anyone may paste a marker into an issue of their own).
/// </summary>
public interface IBotIdentity
{
    Task<string> GetLoginAsync(CancellationToken cancellationToken);
}
