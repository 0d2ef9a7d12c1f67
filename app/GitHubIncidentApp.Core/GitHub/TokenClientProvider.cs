using Octokit;
using Octokit.Internal;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// One Octokit client authenticated with a fixed token (the Action's <c>GITHUB_TOKEN</c> or a personal
/// token), for every repository the token may act on. As an <see cref="IBotIdentity"/>, the token's user
/// (<c>GET /user</c>, looked up once): the App's token mode, where a person's or machine user's token writes.
/// </summary>
public sealed class TokenClientProvider : IGitHubClientProvider, IBotIdentity, IDisposable
{
    /// <summary>The one account all of a token's calls count against, whichever owner's repository they reach.</summary>
    public const string Account = "(token)";

    private static readonly ProductHeaderValue Product = new("GitHubIncidentApp");

    private readonly HttpClientAdapter _http;
    private readonly GitHubClient _client;

    // Never expires, so the clock is never read.
    private readonly KeyedAsyncCache<int, string> _login = new(TimeProvider.System, 1, _ => null);

    public TokenClientProvider(string token, Uri apiBaseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _http = new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault);

        // From a Connection, as GitHubAppClientFactory does, so the base URL is used as given.
        _client = new GitHubClient(new Connection(Product, apiBaseUrl, new InMemoryCredentialStore(new Credentials(token)), _http, new SimpleJsonSerializer()));
    }

    public Task<IGitHubClient> GetClientAsync(RepoRef repo, CancellationToken cancellationToken) =>
        Task.FromResult<IGitHubClient>(_client);

    /// <summary>A user's rate limits and content limits cover all the repositories a token reaches.</summary>
    public string AccountOf(RepoRef repo) => Account;

    public Task<string> GetLoginAsync(CancellationToken cancellationToken) =>
        _login.GetAsync(0, _ => FindLoginAsync(), cancellationToken);

    public void Dispose()
    {
        _http.Dispose();
        _login.Dispose();
    }

    private async Task<string> FindLoginAsync()
    {
        try
        {
            return (await _client.User.Current().ConfigureAwait(false)).Login;
        }
        catch (ApiException e)
        {
            throw GitHubApiException.From("GET /user", e);
        }
    }
}
