using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Keeps an incident in step with what people do to its issue on GitHub, so the next alert delivery
/// does not undo it. Events caused by bots (the app's own changes among them) are ignored.
/// </summary>
public static class IssueEventDecider
{
    public static IncidentDecision Decide(KnownIncident known, IssueChangeEvent change, IncidentContext context)
    {
        if (change.Sender.IsBot)
        {
            return IncidentDecision.Nothing;
        }

        var (config, now) = (context.Config, context.Now);
        var state = known.State;
        var person = change.Sender.Login;
        return change.Action switch
        {
            "closed" when state.IsFiring => ClosedWhileFiring(state, person, context),
            "closed" when state.PostmortemRemindAt is not null => KeptOpen(state),
            "reopened" when !state.IsFiring => Reopened(state, change, config, now),
            "labeled" => Labeled(state, change, config, person, now),
            "unlabeled" when state.Acknowledged is not null && IsLabel(change.Label, IncidentDecider.AcknowledgedLabel) =>
                new IncidentDecision([], state.Unacknowledged(now)),
            "edited" when IssueBody.ReadState(change.Issue.Body) is null =>
                // The marker was deleted with the section: put them back, around what the person wrote.
                new IncidentDecision([new UpdateIssue { Marker = state }], state),
            _ => IncidentDecision.Nothing,
        };
    }

    private static IncidentDecision Reopened(IncidentState state, IssueChangeEvent change, IncidentConfig config, DateTimeOffset now)
    {
        var reopened = state.ReopenedByPerson(now);
        var remove = new[] { config.Resolve.Label, PostmortemDecider.PendingLabel }.Where(label => HasLabel(change.Issue, label)).ToList();
        IReadOnlyList<IssueOperation> operations = remove.Count > 0 ? [new UpdateIssue { RemoveLabels = remove }] : [];
        return new IncidentDecision(operations, reopened);
    }

    // Closed while alerts fire: the same alerts must not reopen it. Where it needs a post-mortem first, it is reopened.
    private static IncidentDecision ClosedWhileFiring(IncidentState state, string person, IncidentContext context)
    {
        var resolved = state.ResolvedByPerson(person, context.Now, byHand: state.Firing.Count > 0);
        return PostmortemDecider.Waiting(resolved, context) is { } waiting ? KeptOpen(waiting) : new IncidentDecision([], resolved);
    }

    /// <summary>
    /// Closed by hand while it waits for its post-mortem: reopened, with the pending label and a word on why, so the
    /// requirement is not dropped by a click and the reminders reach an issue people still see.
    /// </summary>
    private static IncidentDecision KeptOpen(IncidentState waiting) => new(
    [
        new EnsureLabels([PostmortemDecider.PendingLabelSpec]),
        new UpdateIssue { Open = true, AddLabels = [PostmortemDecider.PendingLabel] },
        new CommentOnIssue($"Reopened: {PostmortemDecider.WaitingNote}"),
    ], waiting);

    private static IncidentDecision Labeled(IncidentState state, IssueChangeEvent change, IncidentConfig config, string person, DateTimeOffset now)
    {
        if (IsLabel(change.Label, PostmortemDecider.Label))
        {
            // A person says a post-mortem exists: one waited for closes the incident.
            var written = PostmortemDecider.Written(state, now);
            return state.PostmortemRemindAt is null
                ? (written == state ? IncidentDecision.Nothing : new IncidentDecision([], written))
                : new IncidentDecision([PostmortemDecider.CloseWaited()], written);
        }

        if (IsLabel(change.Label, IncidentDecider.AcknowledgedLabel))
        {
            return state.Acknowledged is null
                ? new IncidentDecision([], state with { Acknowledged = new Acknowledgement(person, now) })
                : IncidentDecision.Nothing;
        }

        var level = config.Severity.Levels.FirstOrDefault(l => IsLabel(change.Label, l.GitHubLabel));
        if (level is null)
        {
            return IncidentDecision.Nothing;
        }

        // One severity label at a time: the one the person chose wins, and alerts no longer change it.
        // Every other level's label, present in this payload or not: it may be stale, the removal applies to the issue as it is.
        var others = config.Severity.Levels
            .Where(l => l != level)
            .Select(l => l.GitHubLabel)
            .ToList();
        IReadOnlyList<IssueOperation> operations = others.Count > 0 ? [new UpdateIssue { RemoveLabels = others }] : [];
        return new IncidentDecision(operations, state with { Severity = level.Name, SeverityPinned = true });
    }

    private static bool IsLabel(string? label, string name) => string.Equals(label, name, StringComparison.OrdinalIgnoreCase);

    private static bool HasLabel(IssueSnapshot issue, string name) => issue.Labels.Contains(name, StringComparer.OrdinalIgnoreCase);
}
