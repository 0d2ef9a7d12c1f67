using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// The inbox key and priority of a delivery. Deliveries with one key are applied one at a time, in
/// order; so alerts, comments, issue events and timed steps of one incident must get the same key:
/// the incident key, under which the index knows the incident's issue.
/// </summary>
public static class DeliveryOrdering
{
    /// <summary>People waiting on a reply to their command go first, then pages, then alerts by severity.</summary>
    public const int GitHubEventPriority = 1000;

    public const int TimedStepPriority = 900;

    /// <summary>
    /// The key of an alert delivery: its incident key under the default key labels (the group's). A
    /// repository whose config picks other key labels still has its deliveries of one group ordered;
    /// <see cref="IncidentStore"/> keeps two groups of one incident from running at once.
    /// </summary>
    public static string ForAlerts(RepoRef repo, AlertmanagerPayload payload) =>
        IncidentKey.Derive(repo, payload, []);

    /// <summary>
    /// The key of an event about an issue: the incident key when the index knows the issue, else one key
    /// per issue (an issue that is no incident, or one the index has not seen yet).
    /// </summary>
    public static async Task<string> ForIssueAsync(IIncidentIndex index, RepoRef repo, int issueNumber, CancellationToken cancellationToken) =>
        (await index.FindByIssueAsync(repo, issueNumber, cancellationToken))?.Key ?? ForUnknownIssue(repo, issueNumber);

    /// <summary>
    /// The key of a GitHub event: an issue's events share their incident's key (so they queue behind its alerts), an
    /// installation's events share one key.
    /// </summary>
    public static Task<string> ForEventAsync(IIncidentIndex index, GitHubEvent gitHubEvent, CancellationToken cancellationToken) => gitHubEvent switch
    {
        IssueCommentEvent comment => ForIssueAsync(index, comment.Repo, comment.Issue.Number, cancellationToken),
        IssueChangeEvent change => ForIssueAsync(index, change.Repo, change.Issue.Number, cancellationToken),
        InstallationEvent installation => Task.FromResult($"installation/{installation.InstallationId}"),
        // The App only answers a ping; the Action runs whatever event its workflow names, a ping too.
        PingEvent => Task.FromResult("ping"),
        _ => throw new ArgumentOutOfRangeException(nameof(gitHubEvent), gitHubEvent.GetType().Name, "this event is not stored"),
    };

    /// <summary>Lower case, as GitHub takes names in any case.</summary>
    public static string ForUnknownIssue(RepoRef repo, int issueNumber) =>
        $"{repo.ToString().ToLowerInvariant()}#{issueNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Firing groups by their worst alert's severity (ranked as the default config ranks them: the
    /// repository's own config is only read when the delivery is processed), above resolved ones.
    /// </summary>
    public static int ForAlertPriority(AlertmanagerPayload payload)
    {
        if (!payload.Alerts.Any(alert => alert.IsFiring))
        {
            return 0;
        }

        var severity = IncidentConfig.Default.Severity;
        var level = SeverityResolver.GroupLevel(payload.Alerts, severity);
        return severity.Levels.Count - SeverityResolver.RankOf(level, severity);
    }
}
