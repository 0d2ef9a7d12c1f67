using System.Net;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>The calls slash commands need: a person's role, reactions on their comment, assignees.</summary>
public sealed class OctokitGitHubPortCommandCallsTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RepoRef Repo = GitHubHarness.Repo;
    private GitHubHarness _gh = null!;

    public async Task InitializeAsync() => _gh = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    [Theory]
    [InlineData("read", RepoPermission.Read)]
    [InlineData("triage", RepoPermission.Triage)]
    [InlineData("write", RepoPermission.Write)]
    [InlineData("maintain", RepoPermission.Maintain)]
    [InlineData("admin", RepoPermission.Admin)]
    public async Task Each_role_maps_from_role_name_not_the_legacy_permission(string role, RepoPermission expected)
    {
        _gh.FakeRepo.SetRole("alice", role);

        Assert.Equal(expected, await _gh.Port.GetPermissionAsync(Repo, "alice", None));
        var request = Assert.Single(_gh.RequestsTo("GET", "/repos/acme/api/collaborators/"));
        Assert.Equal(("/repos/acme/api/collaborators/alice/permission", 200), (request.Path, request.StatusCode));
    }

    [Fact]
    public async Task A_login_without_a_role_has_none()
    {
        _gh.FakeRepo.SetRole("alice", "admin");

        Assert.Equal(RepoPermission.None, await _gh.Port.GetPermissionAsync(Repo, "mallory", None));
        Assert.Equal(404, Assert.Single(_gh.RequestsTo("GET", "/repos/acme/api/collaborators/")).StatusCode);
    }

    [Fact]
    public async Task A_custom_role_counts_as_the_base_role_it_extends()
    {
        _gh.FakeRepo.SetRole("carol", "incident-responder", baseRole: "triage");
        _gh.FakeRepo.SetRole("dave", "release-manager", baseRole: "maintain");

        Assert.Equal(RepoPermission.Triage, await _gh.Port.GetPermissionAsync(Repo, "carol", None));
        Assert.Equal(RepoPermission.Maintain, await _gh.Port.GetPermissionAsync(Repo, "dave", None));
    }

    [Fact]
    public async Task Reactions_are_added_once_and_a_repeat_is_not_an_error()
    {
        _gh.FakeRepo.AddIssue("Disk full");
        var comment = _gh.FakeRepo.AddComment(1, "alice", "/ack");

        await _gh.Port.AddReactionAsync(Repo, comment.Id, "eyes", None);
        await _gh.Port.AddReactionAsync(Repo, comment.Id, "eyes", None);
        await _gh.Port.AddReactionAsync(Repo, comment.Id, "+1", None);

        Assert.Equal(["eyes", "+1"], _gh.FakeRepo.Comment(comment.Id).Reactions);
        var requests = _gh.RequestsTo("POST", "/repos/acme/api/issues/comments/");
        Assert.Equal([201, 200, 201], requests.Select(r => r.StatusCode));
        Assert.All(requests, r => Assert.Equal($"/repos/acme/api/issues/comments/{comment.Id}/reactions", r.Path));
        Assert.Equal("+1", JsonNode.Parse(requests[^1].Body)!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reaction_on_an_unknown_comment_is_a_404()
    {
        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.AddReactionAsync(Repo, 999_999, "eyes", None));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.StartsWith("POST /repos/acme/api/issues/comments/999999/reactions failed with 404", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignees_are_added_and_removed_and_the_unassignable_are_silently_skipped()
    {
        _gh.FakeRepo.SetRole("alice", "write");
        _gh.FakeRepo.SetRole("bob", "triage");
        _gh.FakeRepo.AddAssignable("Carol");
        _gh.FakeRepo.AddIssue("Disk full", assignees: ["bob"]);

        var added = await _gh.Port.AddAssigneesAsync(Repo, 1, ["alice", "mallory", "carol"], None);
        var removed = await _gh.Port.RemoveAssigneesAsync(Repo, 1, ["bob", "nobody"], None);

        Assert.Equal(["bob", "alice", "Carol"], added.Assignees);
        Assert.Equal(["alice", "Carol"], removed.Assignees);
        Assert.Equal(["alice", "Carol"], (await _gh.Port.GetIssueAsync(Repo, 1, None)).Assignees);
        var post = Assert.Single(_gh.RequestsTo("POST", "/repos/acme/api/issues/1/assignees"));
        Assert.Equal(201, post.StatusCode);
        Assert.Equal(["alice", "mallory", "carol"], JsonNode.Parse(post.Body)!["assignees"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(200, Assert.Single(_gh.RequestsTo("DELETE", "/repos/acme/api/issues/1/assignees")).StatusCode);
    }

    [Fact]
    public async Task An_issue_keeps_at_most_ten_assignees()
    {
        var people = Enumerable.Range(1, 12).Select(i => $"oncall-{i}").ToList();
        people.ForEach(login => _gh.FakeRepo.SetRole(login, "write"));
        _gh.FakeRepo.AddIssue("Disk full");

        var first = await _gh.Port.AddAssigneesAsync(Repo, 1, people[..8], None);
        var second = await _gh.Port.AddAssigneesAsync(Repo, 1, people[8..], None);

        Assert.Equal(8, first.Assignees.Count);
        Assert.Equal(people[..10], second.Assignees);
        Assert.Equal(people[..10], _gh.FakeRepo.Issue(1).Assignees);
    }

    [Fact]
    public async Task CreateIssue_keeps_only_assignable_assignees()
    {
        _gh.FakeRepo.SetRole("alice", "read");

        var created = await _gh.Port.CreateIssueAsync(Repo, new NewIssue { Title = "t", Body = "b", Assignees = ["ghost", "alice"] }, None);

        Assert.Equal(["alice"], created.Assignees);
    }

    [Fact]
    public async Task Assigning_on_a_missing_issue_is_a_404()
    {
        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _gh.Port.AddAssigneesAsync(Repo, 5, ["alice"], None));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.StartsWith("POST /repos/acme/api/issues/5/assignees failed with 404", e.Message, StringComparison.Ordinal);
    }
}
