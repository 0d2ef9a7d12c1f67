using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads a file on the default branch of any repository; null when there is no such file.</summary>
public delegate Task<string?> ReadRepoFile(RepoRef repo, string path, CancellationToken cancellationToken);
