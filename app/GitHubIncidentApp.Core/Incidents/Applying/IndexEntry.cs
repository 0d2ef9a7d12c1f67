using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>How an incident is written to the index, whether the app just applied it or rebuilt it from the issues.</summary>
internal static class IndexEntry
{
    public static IndexedIncident Of(RepoRef repo, string key, int issueNumber, IReadOnlyList<string> labels, IncidentState state, DateTimeOffset now) => new()
    {
        Repo = repo,
        Key = key,
        IssueNumber = issueNumber,
        StateJson = state.ToJson(),
        Labels = labels,
        UpdatedAt = now,
        DueAt = state.NextDueAt,
    };
}
