using Octokit;
using Octokit.Internal;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// One Octokit client authenticated with a fixed token (the Action's <c>GITHUB_TOKEN</c> or a personal
/// token), for every repository the token may act on.
/// </summary>
public sealed class TokenClientProvider : IGitHubClientProvider, IDisposable
{
    private static readonly ProductHeaderValue Product = new("GitHubIncidentApp");

    private readonly HttpClientAdapter _http;
    private readonly GitHubClient _client;

    public TokenClientProvider(string token, Uri apiBaseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _http = new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault);

        // From a Connection, as GitHubAppClientFactory does, so the base URL is used as given.
        _client = new GitHubClient(new Connection(Product, apiBaseUrl, new InMemoryCredentialStore(new Credentials(token)), _http, new SimpleJsonSerializer()));
    }

    public Task<IGitHubClient> GetClientAsync(RepoRef repo, CancellationToken cancellationToken) =>
        Task.FromResult<IGitHubClient>(_client);

    public void Dispose() => _http.Dispose();
}
