namespace GitHubIncidentApp.Core.GitHub;

/// <summary>One write made (or, in a dry run, that would have been made) on GitHub, as <see cref="RecordingGitHubPort"/> records it.</summary>
/// <param name="Issue">The issue written to; null for writes that name none (labels, reactions).</param>
public sealed record GitHubWrite(string Call, RepoRef Repo, int? Issue)
{
    /// <summary>The one issue <paramref name="writes"/> wrote to; null when they wrote to none or to several.</summary>
    public static (RepoRef Repo, int Number)? SoleIssue(IEnumerable<GitHubWrite> writes)
    {
        var touched = writes.Where(w => w.Issue is not null).Select(w => (w.Repo, Number: w.Issue!.Value)).Distinct().Take(2).ToList();
        return touched.Count == 1 ? touched[0] : null;
    }
}
