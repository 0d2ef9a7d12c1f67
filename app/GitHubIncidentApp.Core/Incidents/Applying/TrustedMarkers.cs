using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// The only way to read incident state from issues: a marker counts only in an issue the app's bot
/// opened and that carries the incident label. On a public repository anyone can open an issue and
/// paste a marker into it; believing that would let them steer or silence a real incident, or have
/// the app page whoever they name.
/// </summary>
public sealed partial class TrustedMarkers(IGitHubPort github, IBotIdentity bot, ILogger<TrustedMarkers> logger)
{
    /// <summary>The incident state <paramref name="issue"/> carries, or null when it carries none the app wrote.</summary>
    public async Task<IncidentState?> ReadAsync(RepoRef repo, IssueSnapshot issue, IncidentConfig config, CancellationToken cancellationToken)
    {
        if (IssueBody.ReadState(issue.Body) is not { } state)
        {
            return null;
        }

        var login = await bot.GetLoginAsync(cancellationToken);
        if (!string.Equals(issue.Author, login, StringComparison.OrdinalIgnoreCase))
        {
            LogForeignMarker(issue.Number, repo.ToString(), issue.Author.Length > 0 ? issue.Author : "an unknown author", login);
            return null;
        }

        if (!issue.Labels.Contains(config.IncidentLabel, StringComparer.OrdinalIgnoreCase))
        {
            LogUnlabeledMarker(issue.Number, repo.ToString(), config.IncidentLabel);
            return null;
        }

        return state;
    }

    /// <summary>
    /// Every issue of the repository that holds an incident, with its state, oldest first; with <paramref name="updatedSince"/>,
    /// only issues updated since then (reports and the status page read a range, not the whole history); with
    /// <paramref name="openOnly"/>, only open issues.
    /// </summary>
    public async Task<IReadOnlyList<(IssueSnapshot Issue, IncidentState State)>> ListAsync(
        RepoRef repo, IncidentConfig config, CancellationToken cancellationToken, DateTimeOffset? updatedSince = null, bool openOnly = false)
    {
        var found = new List<(IssueSnapshot, IncidentState)>();
        var issues = await github.ListIssuesWithLabelAsync(repo, config.IncidentLabel, cancellationToken, updatedSince, openOnly);
        foreach (var issue in issues.OrderBy(issue => issue.Number))
        {
            if (await ReadAsync(repo, issue, config, cancellationToken) is { } state)
            {
                found.Add((issue, state));
            }
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue #{IssueNumber} in {Repo} carries an incident marker but was opened by {Author}, not by the app ({Bot}); ignored")]
    private partial void LogForeignMarker(int issueNumber, string repo, string author, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue #{IssueNumber} in {Repo} carries an incident marker but not the '{Label}' label; ignored until the label is put back")]
    private partial void LogUnlabeledMarker(int issueNumber, string repo, string label);
}
