using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>How storage names a repository: GitHub matches owner and name case-insensitively, so the key is lower-cased.</summary>
internal static class RepoIds
{
    // GitHub names are ASCII, so invariant lower-casing matches GitHub's case-insensitivity.
    public static string Of(RepoRef repo) => repo.ToString().ToLowerInvariant();
}
