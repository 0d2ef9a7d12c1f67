using System.Globalization;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Flapping: a group that resolves and fires again (a reopen, or a held-down resolution cancelled) more than the threshold
/// within the window is flapping. Its issue gets the flapping label and one comment saying so; from then each flap only
/// counts (no close, no reopen, the acknowledgement and the escalation go on), with at most one summary comment per
/// window. It ends when the group stays resolved a whole window (the issue closes with the flaps summed up) or fires a
/// whole window without a flap (the label goes).
/// </summary>
public static class FlapDecider
{
    public static LabelSpec LabelSpec(IncidentConfig config) => new(config.Flapping.Label, "d4c5f9", "The incident's alerts keep resolving and firing again");

    /// <summary>Adds the flap that <paramref name="followed"/> (a reopen or a cancelled hold-down) answered, and what it makes of the flapping.</summary>
    /// <param name="before">The incident before the decision, firing again.</param>
    internal static IncidentDecision Flapped(IncidentState before, IncidentDecision followed, IncidentContext context)
    {
        var (config, now) = (context.Config.Flapping, context.Now);
        var history = Record(before.Flaps, config, now);
        var started = history.IsFlapping && before.Flaps?.IsFlapping != true;
        var summaryDue = !started && history.IsFlapping && history.ToldAt + config.Window <= now;
        string? comment = null;
        if (started)
        {
            comment = $"〰️ **Flapping:** this group resolved and fired again {history.Times.Count} times within {DurationText.Format(config.Window)} ({Times(history.Times)}). "
                + $"Until it stays resolved for {DurationText.Format(config.Window)}, this issue stays open and labelled `{config.Label}`, "
                + $"the flaps are only counted (at most one summary comment per {DurationText.Format(config.Window)}), and an acknowledgement holds.";
        }
        else if (summaryDue)
        {
            comment = $"〰️ Still flapping: {history.Untold} more flap{(history.Untold == 1 ? "" : "s")} since {Time(history.ToldAt!.Value)} ({Times(history.Times.TakeLast(history.Untold))}); "
                + $"{history.Count} since it started flapping at {Time(history.Since!.Value)}.";
        }

        var state = (followed.State ?? before) with { Flaps = comment is null ? history : history with { ToldAt = now, Untold = 0 } };
        var operations = followed.Operations.Select(op => op is UpdateIssue { Marker: not null } update ? update with { Marker = state } : op).ToList();
        if (started)
        {
            operations.Insert(0, new EnsureLabels([LabelSpec(context.Config)]));
            AddToUpdate(operations, state, update => update with { AddLabels = [.. update.AddLabels, config.Label] });
        }
        else if (comment is not null)
        {
            AddToUpdate(operations, state, update => update);
        }

        if (comment is not null)
        {
            AddToComment(operations, comment);
        }

        return new IncidentDecision(operations.Count > 0 ? operations : [new SaveStateInMarker()], state);
    }

    /// <summary>A held-down resolution applied (<paramref name="resolved"/>): a flapping group has settled, so its label goes and the comment sums the flaps up.</summary>
    internal static IncidentDecision Settled(IncidentState before, IncidentDecision resolved, IncidentContext context)
    {
        if (before.Flaps is not { Since: { } since } flaps)
        {
            return resolved;
        }

        var operations = resolved.Operations
            .Select(op => op is UpdateIssue update ? update with { RemoveLabels = [.. update.RemoveLabels, context.Config.Flapping.Label] } : op)
            .ToList();
        AddToComment(operations, $"〰️ It flapped {Flaps(flaps.Count)} from {Time(since)} to {Time(flaps.Times[^1])}, then stayed resolved; the flapping is over.");
        return new IncidentDecision(operations, resolved.State! with { Flaps = null });
    }

    /// <summary>The clock's tick: a flapping group that fired a whole window without a flap is no longer flapping.</summary>
    public static IncidentDecision Decide(KnownIncident known, Tick tick, IncidentContext context)
    {
        var state = known.State;
        if (state is not { FlappingEndsAt: { } due, Flaps: { Since: { } since } flaps } || due > context.Now)
        {
            return IncidentDecision.Nothing;
        }

        var after = state with { Flaps = null };
        return new IncidentDecision(
        [
            new UpdateIssue { RemoveLabels = [context.Config.Flapping.Label], Marker = after },
            new CommentOnIssue($"〰️ No longer flapping: it flapped {Flaps(flaps.Count)} from {Time(since)} to {Time(flaps.Times[^1])}, "
                + $"and has fired without a flap since. It still fires."),
        ], after);
    }

    /// <summary>The history with a flap at <paramref name="now"/>: flapping once more than the threshold fall within the window.</summary>
    internal static FlapHistory Record(FlapHistory? history, FlappingConfig config, DateTimeOffset now)
    {
        var flapping = history?.IsFlapping == true;
        // While flapping the latest are kept for the summaries; before, only those within the window count.
        var times = (history?.Times ?? []).Where(t => flapping || t > now - config.Window).Append(now).TakeLast(FlapHistory.MaxTimes).ToList();
        var total = (history?.Total ?? 0) + 1;
        if (flapping)
        {
            return history! with { Times = times, Total = total, Count = history.Count + 1, Untold = history.Untold + 1, QuietAt = now + config.Window };
        }

        return config.Enabled && times.Count > config.Threshold
            ? new FlapHistory { Times = times, Total = total, Since = now, Count = times.Count, ToldAt = now, QuietAt = now + config.Window }
            : new FlapHistory { Times = times, Total = total };
    }

    // The labels and the marker ride on the decision's one PATCH where it has one.
    private static void AddToUpdate(List<IssueOperation> operations, IncidentState state, Func<UpdateIssue, UpdateIssue> change)
    {
        var at = operations.FindIndex(op => op is UpdateIssue);
        if (at >= 0)
        {
            operations[at] = change((UpdateIssue)operations[at]) with { Marker = state };
        }
        else
        {
            operations.Add(change(new UpdateIssue { Marker = state }));
        }
    }

    // One comment per decision: the flapping news joins the comment the decision makes, which stays last.
    private static void AddToComment(List<IssueOperation> operations, string text)
    {
        var at = operations.FindLastIndex(op => op is CommentOnIssue);
        if (at >= 0)
        {
            operations[at] = new CommentOnIssue(((CommentOnIssue)operations[at]).Body.TrimEnd() + "\n\n" + text);
        }
        else
        {
            operations.Add(new CommentOnIssue(text));
        }
    }

    private static string Flaps(int count) => count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{count} times");

    private static string Times(IEnumerable<DateTimeOffset> times) =>
        "at " + string.Join(", ", times.Select(t => t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture))) + " UTC";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
