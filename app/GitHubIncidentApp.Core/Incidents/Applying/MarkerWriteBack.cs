using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Where the index does not keep its state (the Action's lives in memory for one run), the issues' markers are the
/// only memory between runs. Some changes (a fired escalation step, a resolution) may reach only the index, so after
/// a delivery every incident issue it wrote to gets its marker brought up to the index's state, or the next run would
/// fire the same step again. With an index that keeps its state (the App's database) this makes no call at all.
/// </summary>
public sealed class MarkerWriteBack(IIncidentIndex index, IGitHubPort github)
{
    /// <summary>Runs <paramref name="handle"/>, then brings the markers of the issues it wrote to up to the index.</summary>
    public async Task<T> AfterAsync<T>(Func<Task<T>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (index.KeepsState)
        {
            return await handle();
        }

        using var written = WrittenIssues.Enter();
        var result = await handle();
        foreach (var (repo, number) in written.Issues)
        {
            await SaveAsync(repo, number, cancellationToken);
        }

        return result;
    }

    // Read before written: a marker that already says what the index says costs no write.
    private async Task SaveAsync(RepoRef repo, int number, CancellationToken cancellationToken)
    {
        if (await index.FindByIssueAsync(repo, number, cancellationToken) is not { } indexed || IncidentState.FromJson(indexed.StateJson) is not { } state)
        {
            return;
        }

        var issue = await github.GetIssueAsync(repo, number, cancellationToken);
        if (IssueBody.ReadState(issue.Body)?.ToJson() != state.ToJson())
        {
            await github.UpdateIssueAsync(repo, number, new IssueUpdate { Body = IssueBody.ReplaceSection(issue.Body, null, state) }, cancellationToken);
        }
    }
}
