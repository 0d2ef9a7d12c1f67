using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;

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

    private readonly bool _known;
    private readonly TokenClientProvider? _client;
    private readonly ReadRepoFile _read;

    private CheckoutBases(RepoDirectory checkout, RepoRef? repository, TokenClientProvider? client)
    {
        _known = repository is not null;
        Repository = repository ?? UnknownRepo;
        _client = client;
        _read = CheckoutConfig.Bases(Repository, checkout.Files, client is null ? null : new OctokitGitHubPort(client),
            repo => $"without a token: set GITHUB_TOKEN to a token that can read {repo} (and GITHUB_API_URL for GitHub Enterprise) to check it too");
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

        if (await TokenEnvironment.ApiUrlAsync(environment, errors) is not { } apiUrl)
        {
            return null;
        }

        var token = TokenEnvironment.Token(environment);
        return new CheckoutBases(checkout, repository, token is null ? null : new TokenClientProvider(token, apiUrl));
    }

    /// <summary>A <see cref="ReadRepoFile"/> (see <see cref="CheckoutConfig.Bases"/>); none is fetched while the repository is not known.</summary>
    public Task<string?> ReadAsync(RepoRef repo, string path, CancellationToken cancellationToken) => _known
        ? _read(repo, path, cancellationToken)
        : throw new BaseNotFetchedException("because the repository this checkout is of is not known: give --repo owner/name (in a workflow, GITHUB_REPOSITORY names it)");

    public void Dispose() => _client?.Dispose();
}
