using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>The real Octokit adapter wired to a <see cref="FakeGitHubServer"/>, sharing one fake clock.</summary>
internal sealed class GitHubHarness : IAsyncDisposable
{
    public const string Owner = "acme";
    public const long InstallationId = 11;

    private GitHubHarness(FakeGitHubServer server, FakeTimeProvider time, GitHubAppClientFactory factory)
    {
        Server = server;
        Time = time;
        Factory = factory;
        Port = new OctokitGitHubPort(factory);
    }

    public static RepoRef Repo { get; } = new(Owner, "api");

    public FakeGitHubServer Server { get; }
    public FakeTimeProvider Time { get; }
    public GitHubAppClientFactory Factory { get; }
    public OctokitGitHubPort Port { get; }
    public FakeRepo FakeRepo => Server.Repo(Repo.Owner, Repo.Name);

    public static async Task<GitHubHarness> StartAsync(Func<FakeGitHubServer, string>? privateKeyPem = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var server = await FakeGitHubServer.StartAsync(time);
        server.AddInstallation(Owner, InstallationId);
        server.Repo(Repo.Owner, Repo.Name);
        var options = new GitHubAppOptions
        {
            AppId = server.AppId,
            PrivateKeyPem = privateKeyPem?.Invoke(server) ?? server.AppPrivateKeyPem,
            ApiBaseUrl = GitHubApiUrl.Resolve(gheHost: null, apiUrl: server.BaseUrl.ToString()),
        };
        return new GitHubHarness(server, time, new GitHubAppClientFactory(options, time));
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
        [.. Server.Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Server.DisposeAsync();
    }
}
