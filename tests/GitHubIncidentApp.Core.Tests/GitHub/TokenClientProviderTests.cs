using System.Net;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>A token as the App's token mode uses it: its user is the app's identity, and all its calls count against one account.</summary>
public sealed class TokenClientProviderTests : IAsyncLifetime
{
    private const string Token = "ghp_providerTestToken";
    private const string User = "incident-bot";
    private static readonly RepoRef Own = new("acme", "api");
    private static readonly RepoRef OtherOwners = new("other", "lib");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private FakeGitHubServer _server = null!;
    private TokenClientProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeGitHubServer.StartAsync(_time);
        _server.Repo(Own.Owner, Own.Name);
        _server.Repo(OtherOwners.Owner, OtherOwners.Name).IsPublic = true;
        _server.AddRepositoryToken(Own.Owner, Token, User);
        _provider = new TokenClientProvider(Token, _server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _provider.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_login_is_the_tokens_user_looked_up_once_for_concurrent_callers()
    {
        var logins = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _provider.GetLoginAsync(CancellationToken.None)));

        Assert.All(logins, login => Assert.Equal(User, login));
        Assert.Single(_server.Requests, r => r.Path == "/user");
    }

    [Fact]
    public async Task A_token_without_a_user_says_which_call_failed()
    {
        _server.AddRepositoryToken(Own.Owner, "ghs_workflow");
        using var workflow = new TokenClientProvider("ghs_workflow", _server.BaseUrl);

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => workflow.GetLoginAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.StartsWith("GET /user failed with 403", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_on_one_owners_repository_holds_the_tokens_calls_on_every_other()
    {
        var port = new OctokitGitHubPort(_provider, hold: new RateLimitHold(_time));
        _server.FaultWith = r => r.Path == "/repos/acme/api/issues" ? FakeFault.SecondaryRateLimit(retryAfterSeconds: 90) : null;
        await Assert.ThrowsAsync<GitHubApiException>(() => port.CreateIssueAsync(Own, new NewIssue { Title = "t", Body = "b" }, CancellationToken.None));
        _server.FaultWith = null;
        var sent = _server.Requests.Count;

        var held = await Assert.ThrowsAsync<GitHubApiException>(() => port.ListLabelsAsync(OtherOwners, CancellationToken.None));

        Assert.Equal(sent, _server.Requests.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.Equal(TokenClientProvider.Account, _provider.AccountOf(OtherOwners));
    }
}
