using System.Net;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>After a rate limit, the adapter sends none of the installation's calls until the time GitHub named.</summary>
public sealed class RateLimitHoldTests : IAsyncLifetime
{
    private static readonly NewIssue Issue = new() { Title = "HighLatency", Body = "body" };
    private GitHubHarness _gh = null!;
    private OctokitGitHubPort _port = null!;

    public async Task InitializeAsync()
    {
        _gh = await GitHubHarness.StartAsync();
        _port = new OctokitGitHubPort(_gh.Factory, hold: new RateLimitHold(_gh.Time));
    }

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    [Fact]
    public async Task Every_call_of_the_installation_waits_out_the_limit_without_reaching_GitHub()
    {
        _gh.Server.FaultWith = r => r.Path == "/repos/acme/api/issues" ? FakeFault.SecondaryRateLimit(retryAfterSeconds: 90) : null;
        await Assert.ThrowsAsync<GitHubApiException>(() => _port.CreateIssueAsync(GitHubHarness.Repo, Issue, CancellationToken.None));
        _gh.Server.FaultWith = null;
        var sent = _gh.Server.Requests.Count;

        var held = await Assert.ThrowsAsync<GitHubApiException>(() => _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None));

        Assert.Equal(sent, _gh.Server.Requests.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), GitHubFailures.RetryAfter(held, _gh.Time.GetUtcNow()));
        Assert.Contains("was not sent", held.Message, StringComparison.Ordinal);

        _gh.Time.Advance(TimeSpan.FromSeconds(89));
        await Assert.ThrowsAsync<GitHubApiException>(() => _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None));
        _gh.Time.Advance(TimeSpan.FromSeconds(1));
        await _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None);
    }

    [Fact]
    public async Task Other_failures_and_other_installations_are_not_held()
    {
        _gh.Server.FailWith = r => r.Path == "/repos/acme/api/issues" ? 502 : null;
        await Assert.ThrowsAsync<GitHubApiException>(() => _port.CreateIssueAsync(GitHubHarness.Repo, Issue, CancellationToken.None));

        await _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None);
    }
}
