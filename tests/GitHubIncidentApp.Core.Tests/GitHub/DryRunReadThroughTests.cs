using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>A dry run with a reader: GitHub is read as in a real run, and only written in the log.</summary>
public sealed class DryRunReadThroughTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RepoRef Api = new("acme", "api");
    private static readonly IssueSnapshot Existing = new() { Number = 41, Title = "Disk full", Body = "b", IsOpen = true, Labels = ["incident"] };

    private readonly RecordingLogger<DryRunGitHubPort> _log = new();
    private readonly IGitHubPort _github = Substitute.For<IGitHubPort>();
    private readonly DryRunGitHubPort _port;

    public DryRunReadThroughTests()
    {
        _github.GetIssueAsync(Api, 41, Arg.Any<CancellationToken>()).Returns(Existing);
        _github.ListIssuesWithLabelAsync(Api, "incident", Arg.Any<CancellationToken>()).Returns([Existing]);
        _github.ListLabelsAsync(Api, Arg.Any<CancellationToken>()).Returns(["incident"]);
        _github.GetFileAsync(Api, ".github/incidents.yml", Arg.Any<CancellationToken>()).Returns("incident_label: incident\n");
        _github.GetFileAsync(Api, new RepoRef("acme", ".github"), ".github/incidents.yml", Arg.Any<CancellationToken>()).Returns("labels: [ops]\n");
        _github.GetPermissionAsync(Api, "mallory", Arg.Any<CancellationToken>()).Returns(RepoPermission.Read);
        _port = DryRunGitHubPort.ReadingFrom(_github, _log, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Reads_go_to_GitHub()
    {
        Assert.Equal(Existing, await _port.GetIssueAsync(Api, 41, None));
        Assert.Equal([Existing], await _port.ListIssuesWithLabelAsync(Api, "incident", None));
        Assert.Equal(["incident"], await _port.ListLabelsAsync(Api, None));
        Assert.Equal("incident_label: incident\n", await _port.GetFileAsync(Api, ".github/incidents.yml", None));
        Assert.Equal("labels: [ops]\n", await _port.GetFileAsync(Api, new RepoRef("acme", ".github"), ".github/incidents.yml", None));
        Assert.Equal(RepoPermission.Read, await _port.GetPermissionAsync(Api, "mallory", None));
    }

    [Fact]
    public async Task Writes_to_a_real_issue_are_logged_and_seen_by_later_reads_but_never_sent()
    {
        await _port.AddCommentAsync(Api, 41, "Resolved.", None);
        await _port.UpdateIssueAsync(Api, 41, new IssueUpdate { Open = false, Labels = ["incident", "resolved"] }, None);
        await _port.CreateLabelAsync(Api, new LabelSpec("resolved", "c2e0c6", "Resolved"), None);

        Assert.False((await _port.GetIssueAsync(Api, 41, None)).IsOpen);
        Assert.Equal([["incident", "resolved"]], (await _port.ListIssuesWithLabelAsync(Api, "incident", None)).Select(i => i.Labels));
        Assert.Equal(["incident", "resolved"], await _port.ListLabelsAsync(Api, None));
        Assert.Equal(
            ["dry-run: would comment on acme/api#41: Resolved.", "dry-run: would update acme/api#41: state=closed state_reason=completed labels=[incident, resolved]", "dry-run: would create label resolved (#c2e0c6) in acme/api"],
            _log.Entries.Where(e => e.Level == LogLevel.Information).Select(e => e.Message));
        Assert.DoesNotContain(_github.ReceivedCalls(), call => call.GetMethodInfo().Name is not (nameof(IGitHubPort.GetIssueAsync) or nameof(IGitHubPort.ListIssuesWithLabelAsync) or nameof(IGitHubPort.ListLabelsAsync)));
    }

    [Fact]
    public async Task A_new_issue_is_numbered_above_every_issue_read()
    {
        await _port.ListIssuesWithLabelAsync(Api, "incident", None);

        var created = await _port.CreateIssueAsync(Api, new NewIssue { Title = "New", Body = "n", Labels = ["incident"] }, None);

        Assert.Equal(42, created.Number);
        Assert.Equal([41, 42], (await _port.ListIssuesWithLabelAsync(Api, "incident", None)).Select(i => i.Number));
        Assert.Equal(created, await _port.GetIssueAsync(Api, 42, None));
    }
}
