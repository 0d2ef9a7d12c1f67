using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The Action has no database: the issues' markers are its only memory between runs. The App keeps
/// some changes (a fired escalation step, a resolution) only in its index, so at the end of a run
/// every incident issue the run wrote to gets its marker brought up to the index's state, or the next
/// scheduled run would fire the same step again.
/// </summary>
public static class MarkerSync
{
    /// <returns>How many markers were rewritten.</returns>
    public static async Task<int> SaveAsync(IGitHubPort github, IIncidentIndex index, IEnumerable<GitHubWrite> writes, CancellationToken cancellationToken)
    {
        var saved = 0;
        foreach (var (repo, number) in GitHubWrite.IssuesOf(writes))
        {
            if (await index.FindByIssueAsync(repo, number, cancellationToken) is not { } indexed || IncidentState.FromJson(indexed.StateJson) is not { } state)
            {
                continue;
            }

            var issue = await github.GetIssueAsync(repo, number, cancellationToken);
            if (IssueBody.ReadState(issue.Body)?.ToJson() == state.ToJson())
            {
                continue;
            }

            await github.UpdateIssueAsync(repo, number, new IssueUpdate { Body = IssueBody.ReplaceSection(issue.Body, null, state) }, cancellationToken);
            saved++;
        }

        return saved;
    }
}
