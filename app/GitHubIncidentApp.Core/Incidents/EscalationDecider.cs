using System.Globalization;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>People to assign and names to mention for one escalation target at one instant.</summary>
public sealed record NotifyTargets(IReadOnlyList<string> Assign, IReadOnlyList<string> Mention)
{
    public static NotifyTargets None { get; } = new([], []);
}

/// <summary>
/// The timed steps of an incident: escalation while nobody acknowledges, and the acknowledgement
/// timeout after. Each step fires once: the step it fires is recorded with the state, and a step
/// that is not due (a late or repeated tick) does nothing. A tick that comes very late fires only the
/// step that is due, then plans the next from now, so nobody is paged twice in one burst.
/// </summary>
public static class EscalationDecider
{
    /// <param name="resolve">Who a policy target means at an instant (the on-call resolver).</param>
    public static IncidentDecision Decide(IncidentState state, DateTimeOffset now, Func<string, DateTimeOffset, NotifyTargets> resolve)
    {
        if (state.NextDueAt is not { } due || due > now)
        {
            return IncidentDecision.Nothing;
        }

        return state.Acknowledged is { } ack
            ? AcknowledgementTimedOut(state, ack, now)
            : Escalate(state, state.Escalation!, now, resolve);
    }

    private static IncidentDecision Escalate(IncidentState state, EscalationProgress progress, DateTimeOffset now, Func<string, DateTimeOffset, NotifyTargets> resolve)
    {
        var step = progress.Steps[progress.Step];
        var targets = step.Notify.Select(target => resolve(target, now)).ToList();
        var assign = targets.SelectMany(t => t.Assign).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var mention = targets.SelectMany(t => t.Mention).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var next = Advance(progress, now);
        var operations = new List<IssueOperation>();
        if (assign.Count > 0)
        {
            operations.Add(new AssignPeople(assign));
        }

        var who = string.Join(", ", assign.Concat(mention).Select(name => name.StartsWith('@') ? name : "@" + name));
        var stepText = string.Create(CultureInfo.InvariantCulture, $"step {progress.Step + 1} of {progress.Steps.Count}{(progress.Round > 0 ? $", round {progress.Round + 1}" : "")}");
        operations.Add(new CommentOnIssue(who.Length > 0
            ? $"🚨 Escalating ({stepText} of the **{progress.Policy}** policy): {who}, nobody has acknowledged this incident. Comment `/ack` to take it."
            : $"🚨 Escalating ({stepText} of the **{progress.Policy}** policy), but nobody is on call for it. Comment `/ack` to take it."));
        // The step is recorded in the marker too: an index rebuilt from the issues must not page again.
        var after = state with { Escalation = next };
        operations.Insert(0, new UpdateIssue { Marker = after });
        return new IncidentDecision(operations, after);
    }

    /// <summary>The policy after firing its current step: the next step, the next round, or the end.</summary>
    public static EscalationProgress Advance(EscalationProgress progress, DateTimeOffset now)
    {
        var wait = progress.Steps[progress.Step].Wait;
        var lastStep = progress.Step + 1 >= progress.Steps.Count;
        if (!lastStep)
        {
            return progress with { Step = progress.Step + 1, DueAt = now + (wait ?? TimeSpan.Zero) };
        }

        return progress.Round < progress.Repeat && wait is { } roundWait
            ? progress with { Step = 0, Round = progress.Round + 1, DueAt = now + roundWait }
            : progress with { Step = progress.Steps.Count, DueAt = null };
    }

    // An incident cannot be acknowledged and forgotten: while the alerts fire on, the acknowledgement lapses.
    private static IncidentDecision AcknowledgementTimedOut(IncidentState state, Acknowledgement ack, DateTimeOffset now)
    {
        var restarted = state.Escalation is { } progress ? progress with { Step = 0, Round = 0, DueAt = now } : null;
        var after = state with { Acknowledged = null, Escalation = restarted };
        return new IncidentDecision(
        [
            new UpdateIssue { RemoveLabels = [IncidentDecider.AcknowledgedLabel], Marker = after },
            new CommentOnIssue($"⏰ @{ack.By} acknowledged this incident {HumanTime(now - ack.At)} ago and its alerts still fire, so it is unacknowledged again and escalation restarts. Comment `/ack` to take it again."),
        ], after);
    }

    private static string HumanTime(TimeSpan span) => Configuration.DurationText.Format(span);
}
