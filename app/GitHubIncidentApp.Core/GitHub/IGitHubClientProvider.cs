using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>An authenticated Octokit client allowed to act on a repository.</summary>
public interface IGitHubClientProvider
{
    Task<IGitHubClient> GetClientAsync(RepoRef repo, CancellationToken cancellationToken);

    /// <summary>
    /// Whose rate limits and content limits a call on <paramref name="repo"/> counts against: the owner's
    /// installation for a GitHub App (the default), one account for a token.
    /// </summary>
    string AccountOf(RepoRef repo) => repo.Owner;
}
