using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Reads a file on the default branch of another repository with the access of the repository being configured
/// (its installation, or the Action's token); null when there is no such file or that access does not reach it.
/// A reader that does not fetch some bases at all throws <see cref="BaseNotFetchedException"/> for them.
/// </summary>
public delegate Task<string?> ReadRepoFile(RepoRef repo, string path, CancellationToken cancellationToken);
