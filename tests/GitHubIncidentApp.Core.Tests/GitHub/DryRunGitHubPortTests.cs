using System.Net;
using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class DryRunGitHubPortTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RepoRef Api = new("acme", "api");
    private readonly RecordingLogger<DryRunGitHubPort> _log = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly DryRunGitHubPort _port;

    public DryRunGitHubPortTests() => _port = new DryRunGitHubPort(_log, _time);

    [Fact]
    public async Task Issues_are_numbered_per_repository_and_stay_consistent()
    {
        var first = await _port.CreateIssueAsync(Api, new NewIssue { Title = "A", Body = "a", Labels = ["incident", "firing"] }, None);
        var second = await _port.CreateIssueAsync(Api, new NewIssue { Title = "B", Body = "b", Labels = ["incident"] }, None);
        var other = await _port.CreateIssueAsync(new RepoRef("acme", "web"), new NewIssue { Title = "C", Body = "c" }, None);
        await _port.UpdateIssueAsync(Api, 1, new IssueUpdate { Open = false, Labels = ["incident", "resolved"] }, None);

        Assert.Equal((1, 2, 1), (first.Number, second.Number, other.Number));
        var closed = await _port.GetIssueAsync(Api, 1, None);
        Assert.False(closed.IsOpen);
        Assert.Equal(_time.GetUtcNow(), closed.ClosedAt);
        Assert.Equal([1, 2], (await _port.ListIssuesWithLabelAsync(Api, "incident", None)).Select(i => i.Number));
        Assert.Equal([2], (await _port.ListIssuesWithLabelAsync(Api, "incident", None, openOnly: true)).Select(i => i.Number));
        Assert.True(await _port.IsPrivateAsync(Api, None));
        Assert.Equal(["incident", "firing", "resolved"], await _port.ListLabelsAsync(Api, None));
        Assert.Null(await _port.GetFileAsync(Api, ".github/incident-app.yml", None));
    }

    [Fact]
    public async Task Each_write_is_logged_as_what_would_happen()
    {
        await _port.CreateIssueAsync(Api, new NewIssue { Title = "Disk full", Body = "b", Labels = ["incident"], Assignees = ["alice"] }, None);
        await _port.AddCommentAsync(Api, 1, new string('x', 250), None);
        await _port.UpdateIssueAsync(Api, 1, new IssueUpdate { Open = false, Labels = ["incident", "resolved"] }, None);
        await _port.CreateLabelAsync(Api, new LabelSpec("sev:1", "#d73a4a", "Severity 1"), None);

        Assert.Equal(
            [
                "dry-run: would create issue in acme/api as #1: title=Disk full, labels=[incident], assignees=[alice], body (1 chars): b",
                $"dry-run: would comment on acme/api#1: {new string('x', 200)}…",
                "dry-run: would update acme/api#1: state=closed state_reason=completed labels=[incident, resolved]",
                "dry-run: would create label sev:1 (#d73a4a) in acme/api",
            ],
            _log.Entries.Where(e => e.Level == LogLevel.Information).Select(e => e.Message));
    }

    [Fact]
    public async Task A_created_issue_is_logged_with_the_first_lines_a_reader_sees()
    {
        const string body = "<!-- incident-app:key abc -->\n## Disk full\n\n**Severity:** critical\r\nStarted: 10:00\nRunbook: https://example.org\nLabels: a=b\n";

        await _port.CreateIssueAsync(Api, new NewIssue { Title = "Disk full", Body = body, Labels = ["incident", "severity/critical"], Assignees = ["alice", "bob"] }, None);

        Assert.Equal(
            $"dry-run: would create issue in acme/api as #1: title=Disk full, labels=[incident, severity/critical], assignees=[alice, bob], body ({body.Length} chars): "
                + "## Disk full ⏎ **Severity:** critical ⏎ Started: 10:00 ⏎ Runbook: https://example.org ⏎ …",
            Assert.Single(_log.Entries, e => e.Level == LogLevel.Information).Message);
    }

    [Fact]
    public async Task Everyone_is_taken_for_an_admin_and_the_assumption_is_logged()
    {
        Assert.Equal(RepoPermission.Admin, await _port.GetPermissionAsync(Api, "mallory", None));

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.StartsWith("dry-run: assuming mallory is an admin of acme/api", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignees_are_kept_in_memory_and_reactions_logged()
    {
        await _port.CreateIssueAsync(Api, new NewIssue { Title = "Disk full", Body = "b", Assignees = ["alice"] }, None);
        _log.Clear();

        var added = await _port.AddAssigneesAsync(Api, 1, ["bob", "ALICE"], None);
        var removed = await _port.RemoveAssigneesAsync(Api, 1, ["alice"], None);
        await _port.AddReactionAsync(Api, 4711, "eyes", None);

        Assert.Equal(["alice", "bob"], added.Assignees);
        Assert.Equal(["bob"], removed.Assignees);
        Assert.Equal(["bob"], (await _port.GetIssueAsync(Api, 1, None)).Assignees);
        Assert.Equal(
            [
                "dry-run: would assign [bob, ALICE] to acme/api#1",
                "dry-run: would unassign [alice] from acme/api#1",
                "dry-run: would react eyes to comment 4711 in acme/api",
            ],
            _log.Entries.Select(e => e.Message));
        await Assert.ThrowsAsync<GitHubApiException>(() => _port.AddAssigneesAsync(Api, 2, ["bob"], None));
    }

    [Fact]
    public async Task An_issue_not_created_in_this_run_is_not_found()
    {
        var e = await Assert.ThrowsAsync<GitHubApiException>(() => _port.UpdateIssueAsync(Api, 3, new IssueUpdate { Body = "x" }, None));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("acme/api#3", e.Message, StringComparison.Ordinal);
    }
}
