namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Keeps open incidents of the most severe level pinned (<c>pin</c>, on by default): after any decision, a pin where
/// one is now wanted, an unpin where the app's own pin no longer is (resolved, closed, less severe, or <c>pin: false</c>).
/// </summary>
public static class PinDecider
{
    public static IncidentDecision Decide(IncidentDecision decision, IncidentContext context)
    {
        // A storm member has no issue of its own; the storm ledger is no incident.
        if (decision.State is not { StormIssue: null, Storm: null } state)
        {
            return decision;
        }

        var wanted = context.Config.Pin && state.IsFiring && !state.ClosedByHand
            && state.Severity == context.Config.Severity.Levels.FirstOrDefault()?.Name;
        return (wanted, state.PinnedAt is not null) switch
        {
            (true, false) => With(decision, state with { PinnedAt = context.Now }, new PinIssue()),
            (false, true) => With(decision, state with { PinnedAt = null }, new UnpinIssue()),
            _ => decision,
        };
    }

    // The marker the operations write says it too: it is how the app later knows which pins are its own.
    private static IncidentDecision With(IncidentDecision decision, IncidentState state, IssueOperation pin) =>
        new([.. decision.Operations.Select(operation => operation switch
        {
            CreateIssue create => create with { Issue = create.Issue with { Body = IssueBody.ReplaceSection(create.Issue.Body, null, state) } },
            UpdateIssue { Marker: not null } update => update with { Marker = state },
            _ => operation,
        }), pin], state);
}
