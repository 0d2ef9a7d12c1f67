using System.Globalization;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>People to assign and names to mention for one escalation target at one instant.</summary>
public sealed record NotifyTargets(IReadOnlyList<string> Assign, IReadOnlyList<string> Mention)
{
    public static NotifyTargets None { get; } = new([], []);
}

/// <summary>What the escalation decider is given: time passed (the clock's tick, or commands that made a step due now).</summary>
public sealed record Tick
{
    /// <summary>The one tick: when it happens is the context's <see cref="IncidentContext.Now"/>.</summary>
    public static Tick Instance { get; } = new();

    private Tick()
    {
    }
}

/// <summary>
/// What firing a step decides, and the step's targets that the repository's config does not name: nobody is
/// paged for those (they came from text a person wrote), and the handler says so in the log.
/// </summary>
public sealed record EscalationDecision(IncidentDecision Decision, IReadOnlyList<string> UnnamedTargets)
{
    public static EscalationDecision Nothing { get; } = new(IncidentDecision.Nothing, []);
}

/// <summary>
/// The timed steps of an incident: escalation while nobody acknowledges, and the acknowledgement
/// timeout after. Each step fires once: the step it fires is recorded with the state, and a step
/// that is not due (a late or repeated tick) does nothing. A tick that comes very late fires only the
/// step that is due, then plans the next from now, so nobody is paged twice in one burst.
/// </summary>
public static class EscalationDecider
{
    public static EscalationDecision Decide(KnownIncident known, Tick tick, IncidentContext context)
    {
        var state = known.State;
        if (state.EscalationDueAt is not { } due || due > context.Now)
        {
            return EscalationDecision.Nothing;
        }

        return state.Acknowledged is { } ack
            ? new EscalationDecision(AcknowledgementTimedOut(state, ack, context.Now), [])
            : Escalate(state, state.Escalation!, context);
    }

    private static EscalationDecision Escalate(IncidentState state, EscalationProgress progress, IncidentContext context)
    {
        var now = context.Now;
        var step = progress.Steps[progress.Step];
        var named = OnCallTargets.NamedBy(context.Config);
        var unnamed = step.Notify.Where(target => !named.Contains(target)).ToList();
        var targets = step.Notify.Where(named.Contains).Select(target => OnCallTargets.Resolve(context.Config.OnCall, target, now)).ToList();
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
        // The step is recorded in the marker too: an index rebuilt from the issues must not page again. The timeline keeps
        // who it paged, for the post-mortem.
        var paged = who.Length > 0 ? who : "nobody on call";
        var after = state.WithTimelineEntry(new TimelineEntry(now, "", "escalation", $"{stepText} of the {progress.Policy} policy: {paged}")) with { Escalation = next };
        operations.Insert(0, new UpdateIssue { Marker = after });
        return new EscalationDecision(new IncidentDecision(operations, after), unnamed);
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
