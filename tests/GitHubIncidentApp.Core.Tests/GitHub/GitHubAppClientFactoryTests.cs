using System.Net;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class GitHubAppClientFactoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Calls_for_one_owner_look_up_the_installation_and_fetch_a_token_once()
    {
        await using var gh = await GitHubHarness.StartAsync();
        gh.Server.Repo("acme", "web");

        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);
        await gh.Factory.GetClientAsync(new RepoRef("ACME", "web"), None);

        Assert.Single(gh.RequestsTo("GET", "/repos/acme/api/installation"));
        var tokenRequest = Assert.Single(gh.RequestsTo("POST", "/app/installations/"));
        Assert.Equal("/app/installations/11/access_tokens", tokenRequest.Path);
        Assert.Equal(201, tokenRequest.StatusCode);
        Assert.Equal(2, gh.Server.Requests.Count);
    }

    [Fact]
    public async Task The_bot_login_is_the_apps_slug_asked_of_GET_app_once()
    {
        await using var gh = await GitHubHarness.StartAsync();

        var first = await gh.Factory.GetLoginAsync(None);
        var second = await gh.Factory.GetLoginAsync(None);

        Assert.Equal(("incident-app[bot]", "incident-app[bot]"), (first, second));
        Assert.Single(gh.Server.Requests, r => r.Method == "GET" && r.Path == "/app");
    }

    [Fact]
    public async Task A_token_within_five_minutes_of_expiry_is_replaced()
    {
        await using var gh = await GitHubHarness.StartAsync();
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);

        gh.Time.Advance(TimeSpan.FromMinutes(54));
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);
        Assert.Single(gh.RequestsTo("POST", "/app/installations/"));

        gh.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await gh.Port.AddCommentAsync(GitHubHarness.Repo, gh.FakeRepo.AddIssue("seed").Number, "still works", None);

        Assert.Equal(2, gh.RequestsTo("POST", "/app/installations/").Count);
        Assert.Single(gh.RequestsTo("GET", "/repos/acme/api/installation"));
        Assert.Equal(201, Assert.Single(gh.RequestsTo("POST", "/repos/acme/api/issues/1/comments")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_calls_for_one_installation_share_one_token_fetch()
    {
        await using var gh = await GitHubHarness.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => gh.Factory.GetClientAsync(GitHubHarness.Repo, None))));

        Assert.Single(gh.RequestsTo("GET", "/repos/acme/api/installation"));
        Assert.Single(gh.RequestsTo("POST", "/app/installations/"));
    }

    [Fact]
    public async Task Two_owners_use_their_own_installation_tokens()
    {
        await using var gh = await GitHubHarness.StartAsync();
        gh.Server.AddInstallation("globex", 22);
        gh.Server.Repo("globex", "ops");
        var globex = new RepoRef("globex", "ops");

        await Task.WhenAll(
            gh.Port.CreateIssueAsync(GitHubHarness.Repo, new NewIssue { Title = "acme down", Body = "" }, None),
            gh.Port.CreateIssueAsync(globex, new NewIssue { Title = "globex down", Body = "" }, None));

        Assert.Equal(
            ["/app/installations/11/access_tokens", "/app/installations/22/access_tokens"],
            gh.RequestsTo("POST", "/app/installations/").Select(r => r.Path).Order());
        var acmeAuth = Assert.Single(gh.RequestsTo("POST", "/repos/acme/api/issues")).Authorization;
        var globexAuth = Assert.Single(gh.RequestsTo("POST", "/repos/globex/ops/issues")).Authorization;
        Assert.NotEqual(acmeAuth, globexAuth);
        Assert.Matches("(?i)^(token|bearer) ghs_", acmeAuth);
        Assert.Equal("acme down", Assert.Single(gh.FakeRepo.Issues).Title);
        Assert.Equal("globex down", Assert.Single(gh.Server.Repo("globex", "ops").Issues).Title);
    }

    [Fact]
    public async Task An_owner_without_the_app_gets_an_error_that_says_how_to_install_it()
    {
        await using var gh = await GitHubHarness.StartAsync();
        gh.Server.Repo("ghost", "api");

        var e = await Assert.ThrowsAsync<GitHubAppNotInstalledException>(() => gh.Port.GetFileAsync(new RepoRef("ghost", "api"), "x", None));

        Assert.Contains("not installed on owner 'ghost'", e.Message, StringComparison.Ordinal);
        Assert.Contains("GET /repos/ghost/api/installation returned 404", e.Message, StringComparison.Ordinal);
        Assert.Contains("install it", e.Message, StringComparison.Ordinal);
        Assert.Empty(gh.RequestsTo("POST", "/app/installations/"));
    }

    [Fact]
    public async Task A_forgotten_installation_is_looked_up_again_with_a_new_token()
    {
        await using var gh = await GitHubHarness.StartAsync();
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);

        gh.Factory.ForgetInstallation("ACME");
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);

        Assert.Equal(2, gh.RequestsTo("GET", "/repos/acme/api/installation").Count);
        Assert.Equal(2, gh.RequestsTo("POST", "/app/installations/11/access_tokens").Count);
    }

    [Fact]
    public async Task After_a_reinstall_forgetting_the_old_installation_lets_calls_work_again()
    {
        await using var gh = await GitHubHarness.StartAsync();
        var issue = gh.FakeRepo.AddIssue("seed").Number;
        await gh.Port.AddCommentAsync(GitHubHarness.Repo, issue, "before", None);
        gh.Server.RemoveInstallation("acme");
        gh.Server.AddInstallation("acme", 33);

        var stale = await Assert.ThrowsAsync<GitHubApiException>(() => gh.Port.AddCommentAsync(GitHubHarness.Repo, issue, "stale token", None));
        gh.Factory.ForgetInstallation("acme");
        await gh.Port.AddCommentAsync(GitHubHarness.Repo, issue, "after", None);

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(
            ["/app/installations/11/access_tokens", "/app/installations/33/access_tokens"],
            gh.RequestsTo("POST", "/app/installations/").Select(r => r.Path));
        Assert.Equal(["before", "after"], gh.FakeRepo.Issue(issue).Comments.Select(c => c.Body));
    }

    [Fact]
    public async Task A_remembered_installation_needs_no_lookup_and_replaces_the_old_token()
    {
        await using var gh = await GitHubHarness.StartAsync();
        gh.Factory.RememberInstallation("acme", GitHubHarness.InstallationId);
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);
        gh.Factory.RememberInstallation("acme", GitHubHarness.InstallationId);
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);
        Assert.Empty(gh.RequestsTo("GET", "/repos/acme/api/installation"));
        Assert.Single(gh.RequestsTo("POST", "/app/installations/"));

        gh.Server.AddInstallation("acme", 33);
        gh.Factory.RememberInstallation("acme", 33);
        await gh.Port.ListLabelsAsync(GitHubHarness.Repo, None);

        Assert.Empty(gh.RequestsTo("GET", "/repos/acme/api/installation"));
        Assert.Equal(
            ["/app/installations/11/access_tokens", "/app/installations/33/access_tokens"],
            gh.RequestsTo("POST", "/app/installations/").Select(r => r.Path));
        Assert.Equal(200, Assert.Single(gh.RequestsTo("GET", "/repos/acme/api/labels")).StatusCode);
    }

    [Fact]
    public async Task Forgetting_an_owner_never_seen_changes_nothing_for_others()
    {
        await using var gh = await GitHubHarness.StartAsync();
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);

        gh.Factory.ForgetInstallation("globex");
        await gh.Factory.GetClientAsync(GitHubHarness.Repo, None);

        Assert.Equal(2, gh.Server.Requests.Count);
    }

    [Fact]
    public async Task The_base_URL_is_used_as_given_without_an_api_v3_prefix()
    {
        await using var gh = await GitHubHarness.StartAsync();

        await gh.Port.ListLabelsAsync(GitHubHarness.Repo, None);

        Assert.Equal(
            ["GET /repos/acme/api/installation", "POST /app/installations/11/access_tokens", "GET /repos/acme/api/labels"],
            gh.Server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(gh.Server.Requests, r => Assert.InRange(r.StatusCode, 200, 299));
    }
}
