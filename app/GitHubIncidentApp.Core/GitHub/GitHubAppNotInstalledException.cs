namespace GitHubIncidentApp.Core.GitHub;

/// <summary>The GitHub App has no installation that covers a repository, so no token can be had for it.</summary>
public sealed class GitHubAppNotInstalledException : Exception
{
    public GitHubAppNotInstalledException(RepoRef repo, Exception? innerException = null)
        : base(
            $"The GitHub App is not installed on owner '{repo.Owner}' or cannot access '{repo}' (GET /repos/{repo}/installation returned 404): "
            + $"install it from the app's settings page (Install App) on '{repo.Owner}' and give it access to '{repo.Name}'.",
            innerException)
    {
        Repo = repo;
    }

    public RepoRef Repo { get; }
}
