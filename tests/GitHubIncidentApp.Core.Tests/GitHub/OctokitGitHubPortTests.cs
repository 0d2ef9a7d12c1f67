using System.Net;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class OctokitGitHubPortTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RepoRef Repo = GitHubHarness.Repo;
    private GitHubHarness _gh = null!;

    public async Task InitializeAsync() => _gh = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    [Fact]
    public async Task CreateIssue_sends_title_body_labels_and_assignees_in_one_call()
    {
        _gh.FakeRepo.SetRole("alice", "write");

        var created = await _gh.Port.CreateIssueAsync(
            Repo,
            new NewIssue { Title = "HighLatency", Body = "<!-- incident-app: {} -->", Labels = ["incident", "sev:1"], Assignees = ["alice"] },
            None);

        Assert.Equal(1, created.Number);
        Assert.True(created.IsOpen);
        Assert.Equal(["incident", "sev:1"], created.Labels);
        Assert.Equal(["alice"], created.Assignees);
        Assert.EndsWith("/acme/api/issues/1", created.HtmlUrl, StringComparison.Ordinal);
        var post = Assert.Single(_gh.RequestsTo("POST", "/repos/"));
        Assert.Equal("/repos/acme/api/issues", post.Path);
        var issue = Assert.Single(_gh.FakeRepo.Issues);
        Assert.Equal(["alice"], issue.Assignees);
        Assert.Equal("<!-- incident-app: {} -->", issue.Body);
        Assert.Equal(["incident", "sev:1"], _gh.FakeRepo.Labels.Select(l => l.Name));
    }

    [Fact]
    public async Task GetIssue_maps_a_closed_issue()
    {
        var seeded = _gh.FakeRepo.AddIssue("Disk full", "body text", labels: ["incident"], open: false);

        var issue = await _gh.Port.GetIssueAsync(Repo, seeded.Number, None);

        Assert.Equal("Disk full", issue.Title);
        Assert.Equal("body text", issue.Body);
        Assert.False(issue.IsOpen);
        Assert.Equal(["incident"], issue.Labels);
        Assert.Equal(seeded.ClosedAt, issue.ClosedAt);
    }

    [Fact]
    public async Task UpdateIssue_sends_only_the_fields_that_are_set()
    {
        var seeded = _gh.FakeRepo.AddIssue("Disk full", "keep me", labels: ["incident", "firing"]);

        var updated = await _gh.Port.UpdateIssueAsync(
            Repo, seeded.Number, new IssueUpdate { Open = false, StateReason = "not_planned", Labels = ["incident", "resolved"] }, None);

        Assert.False(updated.IsOpen);
        Assert.Equal(["incident", "resolved"], updated.Labels);
        var patch = Assert.Single(_gh.RequestsTo("PATCH", "/repos/"));
        Assert.Equal("/repos/acme/api/issues/1", patch.Path);
        var sent = JsonNode.Parse(patch.Body)!.AsObject();
        Assert.Equal(["labels", "state", "state_reason"], sent.Select(p => p.Key).Order());
        var issue = _gh.FakeRepo.Issue(1);
        Assert.Equal(("closed", "not_planned", "keep me"), (issue.State, issue.StateReason, issue.Body));
    }

    [Fact]
    public async Task UpdateIssue_reopens_with_a_new_body()
    {
        _gh.FakeRepo.AddIssue("Disk full", "old", open: false);

        var updated = await _gh.Port.UpdateIssueAsync(Repo, 1, new IssueUpdate { Open = true, Body = "new" }, None);

        Assert.True(updated.IsOpen);
        Assert.Equal("new", updated.Body);
        Assert.Null(updated.ClosedAt);
        Assert.Equal("reopened", _gh.FakeRepo.Issue(1).StateReason);
    }

    [Fact]
    public async Task ListIssuesWithLabel_pages_through_open_and_closed_issues()
    {
        for (var i = 1; i <= 150; i++)
        {
            _gh.FakeRepo.AddIssue($"incident {i}", labels: ["incident"], open: i % 3 != 0);
        }

        _gh.FakeRepo.AddIssue("unrelated", labels: ["bug"]);

        var issues = await _gh.Port.ListIssuesWithLabelAsync(Repo, "incident", None);

        Assert.Equal(Enumerable.Range(1, 150), issues.Select(i => i.Number).Order());
        Assert.Equal(50, issues.Count(i => !i.IsOpen));
        var pages = _gh.RequestsTo("GET", "/repos/acme/api/issues");
        Assert.Equal(2, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Contains("labels=incident", page.Query, StringComparison.Ordinal);
            Assert.Contains("state=all", page.Query, StringComparison.Ordinal);
            Assert.Contains("per_page=100", page.Query, StringComparison.Ordinal);
        });
        Assert.Contains("page=2", pages[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssuesWithLabel_since_lists_only_issues_updated_since_then()
    {
        _gh.FakeRepo.AddIssue("last week", labels: ["incident"], open: false);
        _gh.Time.Advance(TimeSpan.FromDays(7));
        _gh.FakeRepo.AddIssue("today", labels: ["incident"]);

        var issues = await _gh.Port.ListIssuesWithLabelAsync(Repo, "incident", None, _gh.Time.GetUtcNow().AddDays(-1));

        Assert.Equal(["today"], issues.Select(i => i.Title));
        Assert.Contains("since=2026-03-07T12%3A00%3A00Z", Assert.Single(_gh.RequestsTo("GET", "/repos/acme/api/issues")).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssuesWithLabel_open_only_asks_GitHub_for_open_issues()
    {
        _gh.FakeRepo.AddIssue("closed", labels: ["incident"], open: false);
        _gh.FakeRepo.AddIssue("open", labels: ["incident"]);

        var issues = await _gh.Port.ListIssuesWithLabelAsync(Repo, "incident", None, openOnly: true);

        Assert.Equal(["open"], issues.Select(i => i.Title));
        Assert.Contains("state=open", Assert.Single(_gh.RequestsTo("GET", "/repos/acme/api/issues")).Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task IsPrivate_reads_the_repository(bool isPublic, bool expected)
    {
        _gh.FakeRepo.IsPublic = isPublic;

        Assert.Equal(expected, await _gh.Port.IsPrivateAsync(Repo, None));
        Assert.Single(_gh.RequestsTo("GET", "/repos/"), request => request.Path == "/repos/acme/api");
    }

    [Fact]
    public async Task AddComment_posts_the_body()
    {
        _gh.FakeRepo.AddIssue("Disk full");

        await _gh.Port.AddCommentAsync(Repo, 1, "Resolved at 12:00", None);

        var comment = Assert.Single(_gh.FakeRepo.Issue(1).Comments);
        Assert.Equal(("incident-app[bot]", "Resolved at 12:00"), (comment.Author, comment.Body));
    }

    [Fact]
    public async Task Labels_are_listed_across_pages_and_creating_an_existing_one_is_not_an_error()
    {
        for (var i = 0; i < 120; i++)
        {
            await _gh.Port.CreateLabelAsync(Repo, new LabelSpec($"label-{i}", "#ff0000", "d"), None);
        }

        await _gh.Port.CreateLabelAsync(Repo, new LabelSpec("LABEL-0", "00ff00", "again"), None);
        var labels = await _gh.Port.ListLabelsAsync(Repo, None);

        Assert.Equal(120, labels.Count);
        Assert.Equal(2, _gh.RequestsTo("GET", "/repos/acme/api/labels").Count);
        Assert.Equal(422, _gh.RequestsTo("POST", "/repos/acme/api/labels")[^1].StatusCode);
        Assert.Equal(("ff0000", "d"), (_gh.FakeRepo.Labels[0].Color, _gh.FakeRepo.Labels[0].Description));
    }

    [Fact]
    public async Task GetFile_for_a_repository_reads_another_one_with_that_repository_s_installation_only()
    {
        _gh.Server.AddInstallation("globex", 22);
        foreach (var (name, isPublic) in new[] { ("private", false), ("public", true) })
        {
            var other = _gh.Server.Repo("globex", name);
            other.IsPublic = isPublic;
            other.SetFile(".github/incidents.yml", name);
        }

        Assert.Null(await _gh.Port.GetFileAsync(Repo, new RepoRef("globex", "private"), ".github/incidents.yml", None));
        Assert.Equal("public", await _gh.Port.GetFileAsync(Repo, new RepoRef("globex", "public"), ".github/incidents.yml", None));
        Assert.All(_gh.RequestsTo("GET", "/repos/globex/"), r => Assert.Equal("acme", _gh.Server.TokenOwner(r.Authorization)));
        Assert.Empty(_gh.RequestsTo("POST", "/app/installations/22/"));
    }

    [Fact]
    public async Task GetFile_decodes_the_content_or_returns_null_when_missing()
    {
        var config = "incidents:\n  label: incident\n  title: \"{{ alert.name }} — déjà vu\"\n" + new string('#', 200);
        _gh.FakeRepo.SetFile(".github/incident-app.yml", config);

        Assert.Equal(config, await _gh.Port.GetFileAsync(Repo, ".github/incident-app.yml", None));
        Assert.Null(await _gh.Port.GetFileAsync(Repo, ".github/missing.yml", None));
        Assert.Equal(
            ["/repos/acme/api/contents/.github/incident-app.yml", "/repos/acme/api/contents/.github/missing.yml"],
            _gh.RequestsTo("GET", "/repos/acme/api/contents/").Select(r => r.Path));
    }

    [Fact]
    public async Task A_body_over_GitHubs_limit_fails_with_GitHubs_reason()
    {
        var e = await Assert.ThrowsAsync<GitHubApiException>(() =>
            _gh.Port.CreateIssueAsync(Repo, new NewIssue { Title = "big", Body = new string('x', 65_537) }, None));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.StatusCode);
        Assert.StartsWith("POST /repos/acme/api/issues failed with 422", e.Message, StringComparison.Ordinal);
        Assert.Contains("body is too long (maximum is 65536 characters)", e.Message, StringComparison.Ordinal);
        Assert.Empty(_gh.FakeRepo.Issues);
    }

    [Fact]
    public async Task A_server_error_is_reported_once_without_retrying()
    {
        _gh.FakeRepo.AddIssue("Disk full");
        _gh.Server.FailWith = r => r.Path.EndsWith("/comments", StringComparison.Ordinal) ? 502 : null;

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.AddCommentAsync(Repo, 1, "hello", None));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Contains("POST /repos/acme/api/issues/1/comments failed with 502", e.Message, StringComparison.Ordinal);
        Assert.Contains("try again later", e.Message, StringComparison.Ordinal);
        Assert.Equal(502, Assert.Single(_gh.RequestsTo("POST", "/repos/acme/api/issues/1/comments")).StatusCode);
        Assert.Empty(_gh.FakeRepo.Issue(1).Comments);
    }

    [Fact]
    public async Task A_missing_issue_is_a_404_with_a_hint()
    {
        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.GetIssueAsync(Repo, 7, None));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("GET /repos/acme/api/issues/7 failed with 404", e.Message, StringComparison.Ordinal);
        Assert.Contains("installation has access", e.Message, StringComparison.Ordinal);
    }
}
