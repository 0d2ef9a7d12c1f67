using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>The index the Action fills from the markers for one run.</summary>
public sealed class InMemoryIncidentIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly RepoRef Repo = new("operate-first", "incidents");

    private static IndexedIncident Incident(string key, int number, DateTimeOffset? dueAt) => new()
    {
        Repo = Repo,
        Key = key,
        IssueNumber = number,
        StateJson = "{}",
        Labels = ["incident"],
        UpdatedAt = Now,
        DueAt = dueAt,
    };

    [Fact]
    public async Task Finds_by_key_and_issue_and_lists_what_is_due_soonest_first()
    {
        var index = new InMemoryIncidentIndex();
        await index.UpsertAsync(Incident("a", 1, Now.AddMinutes(-1)), default);
        await index.UpsertAsync(Incident("b", 2, Now.AddMinutes(-9)), default);
        await index.UpsertAsync(Incident("c", 3, Now.AddMinutes(5)), default);
        await index.UpsertAsync(Incident("a", 4, null), default); // the incident moved to a new issue

        Assert.Equal(4, (await index.FindAsync(new RepoRef("Operate-First", "Incidents"), "a", default))!.IssueNumber);
        Assert.Equal("b", (await index.FindByIssueAsync(Repo, 2, default))!.Key);
        Assert.Null(await index.FindByIssueAsync(Repo, 1, default));
        Assert.Equal([2], (await index.FindDueAsync(Now, 10, default)).Select(i => i.IssueNumber));
    }

    [Fact]
    public async Task A_repository_is_indexed_once_marked()
    {
        var index = new InMemoryIncidentIndex();
        Assert.False(await index.IsRepoIndexedAsync(Repo, default));

        await index.MarkRepoIndexedAsync(Repo, default);

        Assert.True(await index.IsRepoIndexedAsync(new RepoRef("OPERATE-FIRST", "incidents"), default));
    }
}
