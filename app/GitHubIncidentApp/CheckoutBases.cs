using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp;

/// <summary>
/// The <c>_extends</c> bases of a checkout's config, read for the command line: a base in the checkout's own
/// repository from the checkout (so a change to both is checked together), one in another repository from GitHub
/// with <c>GITHUB_TOKEN</c>, as the Action reads it. Without a token, or without knowing which repository the
/// checkout is of, a base elsewhere is not fetched, and the warning says what to set.
/// </summary>
internal sealed class CheckoutBases : IDisposable
{
    /// <summary>Stands for the repository when nothing names it; then no base is fetched, so it shows only in a base's name.</summary>
    private static readonly RepoRef UnknownRepo = new("OWNER", "REPO");

    private readonly RepoDirectory _checkout;
    private readonly bool _known;
    private readonly TokenClientProvider? _client;
    private readonly OctokitGitHubPort? _github;

    private CheckoutBases(RepoDirectory checkout, RepoRef? repository, TokenClientProvider? client)
    {
        _checkout = checkout;
        _known = repository is not null;
        Repository = repository ?? UnknownRepo;
        _client = client;
        _github = client is null ? null : new OctokitGitHubPort(client);
    }

    /// <summary>The repository the checkout is of, which relative <c>_extends</c> names are resolved from.</summary>
    public RepoRef Repository { get; }

    /// <summary>
    /// Reads the repository from <paramref name="repoOption"/> (<c>--repo</c>), else <c>GITHUB_REPOSITORY</c>, and the
    /// token and API from <c>GITHUB_TOKEN</c>, <c>GITHUB_API_URL</c> or <c>GHE_HOST</c>; null after saying what is wrong with them.
    /// </summary>
    public static async Task<CheckoutBases?> OpenAsync(RepoDirectory checkout, string? repoOption, Func<string, string?> environment, TextWriter errors)
    {
        var (setting, text) = repoOption is not null ? ("--repo", repoOption) : ("GITHUB_REPOSITORY", environment("GITHUB_REPOSITORY"));
        var (repository, problem) = string.IsNullOrEmpty(text) ? (null, null) : RepoRef.Parse(text);
        if (problem is not null)
        {
            await errors.WriteLineAsync($"error: {setting} names no repository: {problem}");
            return null;
        }

        Uri apiUrl;
        try
        {
            apiUrl = GitHubApiUrl.Resolve(environment("GHE_HOST"), environment("GITHUB_API_URL"));
        }
        catch (ArgumentException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return null;
        }

        var token = environment("GITHUB_TOKEN");
        return new CheckoutBases(checkout, repository, string.IsNullOrWhiteSpace(token) ? null : new TokenClientProvider(token.Trim(), apiUrl));
    }

    /// <summary>A <see cref="ReadRepoFile"/>; GitHub's failures other than a missing or unreadable file propagate.</summary>
    public async Task<string?> ReadAsync(RepoRef repo, string path, CancellationToken cancellationToken)
    {
        if (!_known)
        {
            throw new BaseNotFetchedException("because the repository this checkout is of is not known: give --repo owner/name (in a workflow, GITHUB_REPOSITORY names it)");
        }

        if (repo.Equals(Repository))
        {
            return await _checkout.ReadAsync(path, cancellationToken);
        }

        return _github is null
            ? throw new BaseNotFetchedException($"without a token: set GITHUB_TOKEN to a token that can read {repo} (and GITHUB_API_URL for GitHub Enterprise) to check it too")
            : await _github.GetFileAsync(Repository, repo, path, cancellationToken);
    }

    public void Dispose() => _client?.Dispose();
}
