using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>
/// Whether a repository's <c>issue_type</c> took. GitHub drops a type the organisation does not have, or the app may not
/// set, without an error (and a personal account's repositories have none), so the app compares the type in the answer
/// to the create call it makes anyway: no call of its own. Repositories found without their type are remembered
/// (a bounded number), so their next issues carry the note from the start and the log says it once.
/// </summary>
public sealed partial class IssueTypeCheck(ILogger<IssueTypeCheck> logger)
{
    /// <summary>Repositories remembered at once; past it all are forgotten, and each one's next issue learns again.</summary>
    public const int MaxRepositories = 1_000;

    private readonly Lock _gate = new();

    // Repository -> the type it was found without.
    private readonly Dictionary<RepoRef, string> _missing = [];

    /// <summary>The problem <paramref name="repo"/>'s issues show while the type its config names is known missing.</summary>
    public IReadOnlyList<ConfigProblem> ProblemsOf(RepoRef repo, IncidentConfig config)
    {
        lock (_gate)
        {
            return config.IssueType is { } type && _missing.TryGetValue(repo, out var missing) && missing == type ? [Problem(repo, type)] : [];
        }
    }

    /// <summary>
    /// Compares the type an issue was created with (<paramref name="created"/>'s) to the one asked for; the problem to
    /// show in that issue when the type was found missing just now, null when it took or was known missing already.
    /// </summary>
    public ConfigProblem? Observe(RepoRef repo, string wanted, IssueSnapshot created)
    {
        lock (_gate)
        {
            if (string.Equals(created.Type, wanted, StringComparison.OrdinalIgnoreCase))
            {
                _missing.Remove(repo);
                return null;
            }

            if (_missing.TryGetValue(repo, out var known) && known == wanted)
            {
                return null;
            }

            if (_missing.Count >= MaxRepositories && !_missing.ContainsKey(repo))
            {
                _missing.Clear();
            }

            _missing[repo] = wanted;
        }

        LogMissing(repo.ToString(), wanted, created.Number);
        return Problem(repo, wanted);
    }

    private static ConfigProblem Problem(RepoRef repo, string type) =>
        new(IncidentConfig.FilePath, null, null,
            $"'issue_type' names the issue type \"{type}\", which GitHub did not set: {repo.Owner} has no such issue type, or the app may not set it (a personal account's repositories have no issue types); create it in the organisation's settings (Issue types), or remove 'issue_type'")
        {
            Severity = ConfigSeverity.Warning,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub did not give issue {IssueNumber} of {Repo} the issue type {IssueType} its config names: the organisation has no such type, or the app may not set it; create the type in the organisation's settings or remove 'issue_type'. Its incident issues say so until then")]
    private partial void LogMissing(string repo, string issueType, int issueNumber);
}
