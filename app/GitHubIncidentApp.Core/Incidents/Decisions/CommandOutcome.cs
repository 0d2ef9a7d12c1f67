namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>What one slash command did, or why it did nothing, in words for the reply.</summary>
/// <param name="Command">The line as typed, e.g. <c>/severity critical</c>.</param>
/// <param name="Succeeded">False when it was refused or failed; the comment then gets a 😕.</param>
public sealed record CommandOutcome(string Command, bool Succeeded, string Message);

/// <summary>
/// The changes one comment's commands make, folded together: the operations (one update at most), the
/// state after them, what each command did, and the people it asked GitHub to assign.
/// </summary>
public sealed record CommentDecision(
    IReadOnlyList<IssueOperation> Operations,
    IncidentState State,
    IReadOnlyList<CommandOutcome> Outcomes,
    IReadOnlyList<string> RequestedAssignees)
{
    public bool StateChanged { get; init; }

    /// <summary>The comment the commands came from: the reply's reaction goes on it.</summary>
    public required long CommentId { get; init; }

    /// <summary>Storm groups (their keys) that <c>/split</c> gives an issue of their own, once the storm issue is let go.</summary>
    public IReadOnlyList<string> Splits { get; init; } = [];

    /// <summary>Commands beyond the cap, which did not run; the reply says how many.</summary>
    public int Ignored { get; init; }

    /// <summary>What a <c>/silence</c> or <c>/unsilence</c> asks of Alertmanager, to apply before the rest (see <see cref="CommandDecider.Settle"/>).</summary>
    public SilencePlan? Silence { get; init; }

    public bool AllSucceeded => Outcomes.All(outcome => outcome.Succeeded);
}
