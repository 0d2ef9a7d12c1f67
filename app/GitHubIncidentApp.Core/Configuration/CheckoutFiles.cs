namespace GitHubIncidentApp.Core.Configuration;

/// <summary>A checkout of a repository on disk, its files read by their paths in the repository, as the config names them.</summary>
public sealed class CheckoutFiles(string directory)
{
    /// <summary>The file's text, or null when the checkout has none there.</summary>
    public async Task<string?> ReadAsync(string repoPath, CancellationToken cancellationToken)
    {
        var full = Path.Combine(directory, repoPath);
        return File.Exists(full) ? await File.ReadAllTextAsync(full, cancellationToken) : null;
    }
}
