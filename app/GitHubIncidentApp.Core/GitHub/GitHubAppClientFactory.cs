using System.Net;
using Octokit;
using Octokit.Internal;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Octokit clients authenticated as the GitHub App's installation on a repository's owner.
/// The installation id is looked up once per owner (<c>GET /repos/{o}/{r}/installation</c>, app JWT);
/// the installation token (<c>POST /app/installations/{id}/access_tokens</c>) is reused until five
/// minutes before it expires. Safe to share: one fetch per key at a time, many owners in parallel.
/// The app's bot login (<c>{slug}[bot]</c>, from <c>GET /app</c>) is looked up once.
/// </summary>
public sealed class GitHubAppClientFactory : IGitHubClientProvider, IInstallationCache, IBotIdentity, IDisposable
{
    private static readonly ProductHeaderValue Product = new("GitHubIncidentApp");
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    /// <summary>Owners whose installation and token are kept at once; past it the least recently used are fetched again.</summary>
    public const int MaxOwners = 10_000;

    private readonly Uri _baseUrl;
    private readonly HttpClientAdapter _http;
    private readonly GitHubClient _appClient;
    private readonly KeyedAsyncCache<string, long> _installations;
    private readonly KeyedAsyncCache<long, AccessToken> _tokens;
    private readonly KeyedAsyncCache<long, string> _botLogin;

    public GitHubAppClientFactory(GitHubAppOptions options, TimeProvider timeProvider)
    {
        var jwt = new AppJwt(options.AppId, options.PrivateKeyPem, timeProvider); // validates the key before anything is allocated
        _baseUrl = options.ApiBaseUrl;
        _http = new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault);
        _appClient = CreateClient(new AppJwtCredentialStore(jwt));
        // An installation is kept until forgotten (a webhook, or a 404 for its token) or pushed out by the limit.
        _installations = new(timeProvider, MaxOwners, _ => null, StringComparer.OrdinalIgnoreCase);
        _tokens = new(timeProvider, MaxOwners, token => token.ExpiresAt - RefreshBeforeExpiry);
        _botLogin = new(timeProvider, 1, _ => null);
    }

    public async Task<IGitHubClient> GetClientAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var installationId = await _installations.GetAsync(repo.Owner, _ => FindInstallationAsync(repo), cancellationToken).ConfigureAwait(false);
        var token = await _tokens.GetAsync(installationId, id => CreateTokenAsync(id, repo.Owner), cancellationToken).ConfigureAwait(false);
        return CreateClient(new InMemoryCredentialStore(new Credentials(token.Token)));
    }

    public Task<string> GetLoginAsync(CancellationToken cancellationToken) =>
        _botLogin.GetAsync(0, _ => FindBotLoginAsync(), cancellationToken);

    /// <summary>
    /// Drops what is cached for <paramref name="owner"/>'s installation, its token too: for the <c>installation</c>
    /// webhook's <c>deleted</c> and <c>suspend</c>. The next call looks the installation up afresh.
    /// </summary>
    public void ForgetInstallation(string owner)
    {
        if (_installations.TryRemove(owner, out var installationId))
        {
            _tokens.TryRemove(installationId, out _);
        }
    }

    /// <summary>
    /// Records <paramref name="owner"/>'s installation from the <c>installation</c> webhook's <c>created</c> (or
    /// <c>unsuspend</c>), saving the lookup; a token of an installation it replaces is dropped.
    /// </summary>
    public void RememberInstallation(string owner, long installationId)
    {
        if (_installations.TryRemove(owner, out var previous) && previous != installationId)
        {
            _tokens.TryRemove(previous, out _);
        }

        _installations.Set(owner, installationId);
    }

    public void Dispose()
    {
        _http.Dispose();
        _installations.Dispose();
        _tokens.Dispose();
        _botLogin.Dispose();
    }

    // Built from a Connection, not GitHubClient(product, uri): that constructor rewrites any host
    // other than github.com to {host}/api/v3/, which would break GITHUB_API_URL given in full.
    // All clients share one HttpClient so that a client per call does not mean a socket pool per call.
    private GitHubClient CreateClient(ICredentialStore credentials) =>
        new(new Connection(Product, _baseUrl, credentials, _http, new SimpleJsonSerializer()));

    private async Task<long> FindInstallationAsync(RepoRef repo)
    {
        try
        {
            var installation = await _appClient.GitHubApps.GetRepositoryInstallationForCurrent(repo.Owner, repo.Name).ConfigureAwait(false);
            return installation.Id;
        }
        catch (NotFoundException e)
        {
            throw new GitHubAppNotInstalledException(repo, e);
        }
        catch (ApiException e)
        {
            throw GitHubApiException.From($"GET /repos/{repo}/installation", e);
        }
    }

    private async Task<string> FindBotLoginAsync()
    {
        try
        {
            var app = await _appClient.GitHubApps.GetCurrent().ConfigureAwait(false);
            return app.Slug + "[bot]";
        }
        catch (ApiException e)
        {
            throw GitHubApiException.From("GET /app", e);
        }
    }

    private async Task<AccessToken> CreateTokenAsync(long installationId, string owner)
    {
        try
        {
            return await _appClient.GitHubApps.CreateInstallationToken(installationId).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            if (e.StatusCode == HttpStatusCode.NotFound)
            {
                // The installation was removed since it was looked up: look it up afresh next time.
                _installations.TryRemove(owner, out _);
            }

            throw GitHubApiException.From($"POST /app/installations/{installationId}/access_tokens", e);
        }
    }
}
