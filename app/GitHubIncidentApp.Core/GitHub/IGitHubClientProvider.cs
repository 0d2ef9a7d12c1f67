using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>An authenticated Octokit client allowed to act on a repository.</summary>
public interface IGitHubClientProvider
{
    Task<IGitHubClient> GetClientAsync(RepoRef repo, CancellationToken cancellationToken);
}
