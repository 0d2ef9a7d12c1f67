using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Core.Tests.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>Which issue holds an incident the index has not seen in it: the app's, and never an older one than the index's.</summary>
public sealed class IncidentStoreTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly IncidentConfig Config = new();

    private readonly InMemoryIncidentIndex _index = new();
    private readonly IncidentStore _store;

    public IncidentStoreTests()
    {
        var time = new FakeTimeProvider(TestIncidents.Now);
        var github = new DryRunGitHubPort(new RecordingLogger<DryRunGitHubPort>(), time);
        var markers = new TrustedMarkers(github, new FixedBotIdentity(DryRunGitHubPort.DefaultAuthor), NullLogger<TrustedMarkers>.Instance);
        _store = new IncidentStore(_index, new IncidentIndexRebuilder(markers, _index, time), markers, new IncidentExecutor(github, new LabelCache(github)), time);
    }

    private static IssueSnapshot Issue(int number, string author = DryRunGitHubPort.DefaultAuthor) => new()
    {
        Number = number,
        Title = "t",
        Body = IssueBody.Section("notes", TestIncidents.Firing),
        IsOpen = true,
        Labels = [Config.IncidentLabel],
        Author = author,
    };

    private async Task IndexAsync(int issueNumber)
    {
        await _index.MarkRepoIndexedAsync(Repo, CancellationToken.None);
        await _index.UpsertAsync(new IndexedIncident
        {
            Repo = Repo,
            Key = TestIncidents.Firing.Key,
            IssueNumber = issueNumber,
            StateJson = TestIncidents.Firing.ToJson(),
            Labels = [Config.IncidentLabel],
            UpdatedAt = TestIncidents.Now,
        }, CancellationToken.None);
    }

    private Task<TrackedIncident?> FindAsync(IssueSnapshot issue) => _store.FindByIssueAsync(Repo, issue, Config, CancellationToken.None);

    [Fact]
    public async Task The_apps_issue_newer_than_the_indexed_one_is_the_incident_and_an_older_one_is_not()
    {
        await IndexAsync(5);

        Assert.Null(await FindAsync(Issue(3)));
        Assert.Equal(7, (await FindAsync(Issue(7)))?.Issue.Number);
        Assert.Equal(5, (await FindAsync(Issue(5)))?.Issue.Number);
    }

    [Fact]
    public async Task A_copy_of_the_marker_in_someone_elses_issue_is_no_incident()
    {
        await IndexAsync(5);

        Assert.Null(await FindAsync(Issue(9, author: "mallory")));
        Assert.Equal(5, (await _index.FindAsync(Repo, TestIncidents.Firing.Key, CancellationToken.None))?.IssueNumber);
    }
}
