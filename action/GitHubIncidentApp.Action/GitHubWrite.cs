using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Action;

/// <summary>One write the run made (or, in a dry run, would have made) on GitHub.</summary>
/// <param name="Issue">The issue written to; null for writes that name none (labels, reactions).</param>
public sealed record GitHubWrite(string Call, RepoRef Repo, int? Issue)
{
    /// <summary>The issues <paramref name="writes"/> wrote to, each once, in the order first written.</summary>
    public static IReadOnlyList<(RepoRef Repo, int Number)> IssuesOf(IEnumerable<GitHubWrite> writes) =>
        [.. writes.Where(w => w.Issue is not null).Select(w => (w.Repo, Number: w.Issue!.Value)).Distinct()];
}
