using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>The adapter tells the <see cref="GitHubHealth"/> how GitHub answered, and sends nothing but the probe while GitHub is down.</summary>
public sealed class OctokitGitHubPortHealthTests : IAsyncLifetime
{
    private static readonly NewIssue Issue = new() { Title = "HighLatency", Body = "body" };
    private GitHubHarness _gh = null!;
    private GitHubHealth _health = null!;
    private OctokitGitHubPort _port = null!;

    public async Task InitializeAsync()
    {
        _gh = await GitHubHarness.StartAsync();
        _health = new GitHubHealth(_gh.Time);
        _port = new OctokitGitHubPort(_gh.Factory, health: _health);
    }

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    [Fact]
    public async Task After_a_5xx_calls_are_not_sent_until_the_probe_and_the_probes_answer_lets_them_through()
    {
        _gh.Server.FailWith = r => r.Path.StartsWith("/repos/", StringComparison.Ordinal) ? 502 : null;
        await Assert.ThrowsAsync<GitHubApiException>(() => _port.CreateIssueAsync(GitHubHarness.Repo, Issue, CancellationToken.None));
        var sent = _gh.Server.Requests.Count;

        await Assert.ThrowsAsync<GitHubUnavailableException>(() => _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None));
        await Assert.ThrowsAsync<GitHubUnavailableException>(() => _port.CreateIssueAsync(GitHubHarness.Repo, Issue, CancellationToken.None));
        Assert.Equal(sent, _gh.Server.Requests.Count);

        _gh.Time.Advance(GitHubHealth.FirstProbeInterval);
        _gh.Server.FailWith = null;
        await _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None);
        await _port.CreateIssueAsync(GitHubHarness.Repo, Issue, CancellationToken.None);

        Assert.True(_health.IsHealthy);
        Assert.Single(_gh.FakeRepo.Issues);
    }

    [Fact]
    public async Task A_lost_connection_marks_GitHub_down()
    {
        _gh.Server.DisruptWith = r => r.Path.StartsWith("/repos/", StringComparison.Ordinal) ? FakeDisruption.CutConnection(FakeCut.BeforeHandling) : null;
        await Assert.ThrowsAnyAsync<Exception>(() => _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None));

        await Assert.ThrowsAsync<GitHubUnavailableException>(() => _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None));
        Assert.False(_health.IsHealthy);
    }

    [Fact]
    public async Task A_failure_of_the_call_itself_leaves_GitHub_up()
    {
        _gh.Server.FaultWith = r => r.Path == "/repos/acme/api/issues" ? FakeFault.Status(422) : null;
        await Assert.ThrowsAsync<GitHubApiException>(() => _port.CreateIssueAsync(GitHubHarness.Repo, Issue, CancellationToken.None));

        await _port.ListLabelsAsync(GitHubHarness.Repo, CancellationToken.None);
        Assert.True(_health.IsHealthy);
    }
}
