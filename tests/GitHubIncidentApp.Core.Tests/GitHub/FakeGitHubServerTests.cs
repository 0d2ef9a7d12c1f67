using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>The fake's own GitHub behaviours that the adapter tests do not reach, over raw HTTP.</summary>
public sealed class FakeGitHubServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private FakeGitHubServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeGitHubServer.StartAsync(_time);
        _server.AddInstallation("acme", 11);
        _server.AddInstallation("globex", 22);
        _server.Repo("acme", "api");
        _http = new HttpClient { BaseAddress = _server.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_routes_and_repositories_are_JSON_404s()
    {
        var unknownRoute = await _http.GetAsync(new Uri("api/v3/repos/acme/api/issues", UriKind.Relative));
        var unknownRepo = await SendAsync(HttpMethod.Get, "repos/acme/nope/issues", await TokenAsync(11));

        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        Assert.Equal("Not Found", (await unknownRoute.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknownRepo.StatusCode);
    }

    [Fact]
    public async Task Repository_endpoints_need_a_live_token_of_the_owners_installation()
    {
        var globexToken = await TokenAsync(22);
        var acmeToken = await TokenAsync(11);

        var none = await SendAsync(HttpMethod.Get, "repos/acme/api/labels", token: null);
        var otherOwner = await SendAsync(HttpMethod.Get, "repos/acme/api/labels", globexToken);
        var own = await SendAsync(HttpMethod.Get, "repos/acme/api/labels", acmeToken);
        _time.Advance(TimeSpan.FromHours(1));
        var expired = await SendAsync(HttpMethod.Get, "repos/acme/api/labels", acmeToken);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOwner.StatusCode); // a private repository is hidden from other installations
        Assert.Equal("globex", _server.TokenOwner($"token {globexToken}"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Another_owner_s_token_reads_a_public_repository_and_writes_nothing_there()
    {
        var repo = _server.Repo("acme", "api");
        repo.IsPublic = true;
        repo.SetFile(".github/incidents.yml", "incident_label: incident\n");
        var globexToken = await TokenAsync(22);

        var read = await SendAsync(HttpMethod.Get, "repos/acme/api/contents/.github/incidents.yml", globexToken);
        var write = await SendAsync(HttpMethod.Post, "repos/acme/api/labels", globexToken, new JsonObject { ["name"] = "x" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Empty(repo.Labels);
    }

    [Fact]
    public async Task App_endpoints_refuse_an_expired_JWT_and_unknown_installations()
    {
        var jwt = new AppJwt(_server.AppId, _server.AppPrivateKeyPem, _time).Create();

        var unknown = await SendAsync(HttpMethod.Post, "app/installations/99/access_tokens", jwt, scheme: "Bearer");
        _time.Advance(TimeSpan.FromMinutes(10));
        var expired = await SendAsync(HttpMethod.Get, "repos/acme/api/installation", jwt, scheme: "Bearer");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("'exp'", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issues_list_open_ones_newest_first_with_absolute_Link_URLs()
    {
        var repo = _server.Repo("acme", "api");
        for (var i = 0; i < 5; i++)
        {
            repo.AddIssue($"issue {i}", open: i != 2);
        }

        var response = await SendAsync(HttpMethod.Get, "repos/acme/api/issues?per_page=2&page=2", await TokenAsync(11));

        var numbers = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(issue => issue!["number"]!.GetValue<int>());
        Assert.Equal([2, 1], numbers);
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains($"<{_server.BaseUrl}repos/acme/api/issues?per_page=2&page=1>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_changes_title_and_assignees_and_comments_are_listed()
    {
        _server.Repo("acme", "api").AddIssue("old", assignees: ["alice"]);
        _server.Repo("acme", "api").AddAssignable("bob");
        var token = await TokenAsync(11);

        await SendAsync(HttpMethod.Patch, "repos/acme/api/issues/1", token, new JsonObject { ["title"] = "new", ["assignees"] = new JsonArray("bob") });
        await SendAsync(HttpMethod.Post, "repos/acme/api/issues/1/comments", token, new JsonObject { ["body"] = "hello" });
        var comments = await SendAsync(HttpMethod.Get, "repos/acme/api/issues/1/comments", token);

        var issue = _server.Repo("acme", "api").Issue(1);
        Assert.Equal(("new", "bob"), (issue.Title, Assert.Single(issue.Assignees)));
        var comment = Assert.Single((await comments.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.Equal("hello", comment["body"]!.GetValue<string>());
        Assert.Equal(FakeGitHubServer.BotLogin, comment["user"]!["login"]!.GetValue<string>());
    }

    [Fact]
    public async Task Permission_answers_the_legacy_permission_the_role_and_the_users_flags()
    {
        _server.Repo("acme", "api").SetRole("Alice", "maintain");

        var response = await SendAsync(HttpMethod.Get, "repos/acme/api/collaborators/alice/permission", await TokenAsync(11));

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("write", "maintain"), (body["permission"]!.GetValue<string>(), body["role_name"]!.GetValue<string>()));
        Assert.Equal("Alice", body["user"]!["login"]!.GetValue<string>());
        var flags = body["user"]!["permissions"]!.AsObject();
        Assert.Equal(["maintain", "pull", "push", "triage"], flags.Where(f => f.Value!.GetValue<bool>()).Select(f => f.Key).Order());
    }

    [Fact]
    public async Task Patch_drops_assignees_who_cannot_be_assigned()
    {
        var repo = _server.Repo("acme", "api");
        repo.AddIssue("seed", assignees: ["alice"]);
        repo.SetRole("bob", "triage");

        var response = await SendAsync(
            HttpMethod.Patch, "repos/acme/api/issues/1", await TokenAsync(11), new JsonObject { ["assignees"] = new JsonArray("mallory", "BOB") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["bob"], repo.Issue(1).Assignees);
    }

    [Fact]
    public async Task A_reaction_GitHub_does_not_know_is_refused()
    {
        var repo = _server.Repo("acme", "api");
        repo.AddIssue("seed");
        var comment = repo.AddComment(1, "alice", "/ack");

        var response = await SendAsync(
            HttpMethod.Post, $"repos/acme/api/issues/comments/{comment.Id}/reactions", await TokenAsync(11), new JsonObject { ["content"] = "thumbsup" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(repo.Comment(comment.Id).Reactions);
        Assert.Equal(("alice", "/ack"), (repo.Issue(1).Comments[0].Author, repo.Issue(1).Comments[0].Body));
    }

    [Fact]
    public void Seeding_helpers_say_what_was_wrong()
    {
        var repo = _server.Repo("acme", "api");

        Assert.Contains("needs the base role", Assert.Throws<ArgumentException>(() => repo.SetRole("carol", "responder")).Message, StringComparison.Ordinal);
        Assert.Contains("leave baseRole out", Assert.Throws<ArgumentException>(() => repo.SetRole("carol", "write", "read")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => repo.SetRole("carol", "responder", "admin"));
        Assert.Contains("no issue #3", Assert.Throws<KeyNotFoundException>(() => repo.AddComment(3, "alice", "hi")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issues_are_authored_by_whom_the_token_writes_as_and_GET_app_answers_the_slug()
    {
        _server.AddRepositoryToken("acme", "ghs_workflow");
        var jwt = new AppJwt(_server.AppId, _server.AppPrivateKeyPem, _time).Create();

        var byApp = await SendAsync(HttpMethod.Post, "repos/acme/api/issues", await TokenAsync(11), new JsonObject { ["title"] = "app" });
        var byWorkflow = await SendAsync(HttpMethod.Post, "repos/acme/api/issues", "ghs_workflow", new JsonObject { ["title"] = "workflow" });
        var app = await SendAsync(HttpMethod.Get, "app", jwt, scheme: "Bearer");

        var user = (await byApp.Content.ReadFromJsonAsync<JsonObject>())!["user"]!;
        Assert.Equal((FakeGitHubServer.BotLogin, "Bot"), (user["login"]!.GetValue<string>(), user["type"]!.GetValue<string>()));
        Assert.Equal(FakeGitHubServer.WorkflowBotLogin, _server.Repo("acme", "api").Issue(2).Author);
        Assert.Equal(FakeGitHubServer.AppSlug, (await app.Content.ReadFromJsonAsync<JsonObject>())!["slug"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "app", token: null)).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_label_gets_GitHubs_already_exists_error()
    {
        _server.Repo("acme", "api").AddIssue("seed", labels: ["incident"]);

        var response = await SendAsync(HttpMethod.Post, "repos/acme/api/labels", await TokenAsync(11), new JsonObject { ["name"] = "Incident" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Validation Failed", error["message"]!.GetValue<string>());
        Assert.Equal("already_exists", error["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Injected_failures_are_answered_and_recorded_before_any_handling()
    {
        _server.FailWith = request => request.Method == "POST" ? 500 : null;

        var response = await SendAsync(HttpMethod.Post, "repos/acme/api/issues", token: null, new JsonObject { ["title"] = "t" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var recorded = Assert.Single(_server.Requests);
        Assert.Equal((500, """{"title":"t"}"""), (recorded.StatusCode, recorded.Body));
        Assert.Empty(_server.Repo("acme", "api").Issues);
        _server.ClearRequests();
        Assert.Empty(_server.Requests);
    }

    private async Task<string> TokenAsync(long installationId)
    {
        var jwt = new AppJwt(_server.AppId, _server.AppPrivateKeyPem, _time).Create();
        var response = await SendAsync(HttpMethod.Post, $"app/installations/{installationId}/access_tokens", jwt, scheme: "Bearer");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, JsonObject? body = null, string scheme = "token")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }
}
