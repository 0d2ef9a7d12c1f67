using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Post-mortems: the draft <c>/postmortem</c> posts, and, for the severities <c>postmortem.required_for</c> names, an
/// incident that resolves stays open with <see cref="PendingLabel"/> until a post-mortem is written (<c>/postmortem</c>,
/// or a person adding <see cref="Label"/>), with a reminder every <c>remind_every</c> while it waits; then it closes.
/// </summary>
public static class PostmortemDecider
{
    /// <summary>The label of an incident with a post-mortem.</summary>
    public const string Label = "post-mortem";

    /// <summary>The label of a resolved incident kept open until its post-mortem is written.</summary>
    public const string PendingLabel = "post-mortem/pending";

    public static LabelSpec LabelSpec { get; } = new(Label, "5319e7", "The incident has a post-mortem");

    public static LabelSpec PendingLabelSpec { get; } = new(PendingLabel, "d93f0b", "Resolved; open until a post-mortem is written");

    /// <summary>What people read where an incident is kept open for its post-mortem.</summary>
    public const string WaitingNote =
        $"📝 This incident needs a post-mortem before it closes, so it stays open with `{PendingLabel}`. Comment `/postmortem` to post the template prefilled with its timeline, or add the `{Label}` label once one is written elsewhere.";

    /// <summary>
    /// The state of an incident about to close, when it must wait for its post-mortem instead (its severity needs one and
    /// none was written): the first reminder planned. Null when it may close.
    /// </summary>
    public static IncidentState? Waiting(IncidentState resolved, IncidentContext context) =>
        resolved.PostmortemAt is null && context.Config.Postmortem.IsRequiredFor(resolved.Severity)
            ? resolved with { PostmortemRemindAt = context.Now + context.Config.Postmortem.RemindEvery }
            : null;

    /// <summary>A post-mortem was written: recorded, and no longer waited for.</summary>
    public static IncidentState Written(IncidentState state, DateTimeOffset now) =>
        state with { PostmortemAt = state.PostmortemAt ?? now, PostmortemRemindAt = null };

    /// <summary>The operations that close an incident that waited for its post-mortem.</summary>
    public static UpdateIssue CloseWaited() => new() { Open = false, StateReason = "completed", RemoveLabels = [PendingLabel] };

    /// <summary>The clock's tick: a reminder while the post-mortem is missing; closes it if the config no longer needs one.</summary>
    public static IncidentDecision Decide(KnownIncident known, Tick tick, IncidentContext context)
    {
        var state = known.State;
        if (state.PostmortemDueAt is not { } due || due > context.Now)
        {
            return IncidentDecision.Nothing;
        }

        var config = context.Config.Postmortem;
        if (!config.IsRequiredFor(state.Severity))
        {
            return new IncidentDecision([CloseWaited()], state with { PostmortemRemindAt = null });
        }

        var since = state.ResolvedAt is { } resolvedAt ? $" {HumanDuration.Format(context.Now - resolvedAt)} ago" : "";
        return new IncidentDecision(
        [
            new SaveStateInMarker(),
            new CommentOnIssue($"⏰ This incident resolved{since} and still has no post-mortem. Comment `/postmortem` to post the template prefilled with its timeline, or add the `{Label}` label once one is written elsewhere; it closes then."),
        ], state with { PostmortemRemindAt = context.Now + config.RemindEvery });
    }

    /// <summary>The post-mortem comment, prefilled from the incident as the app knows it.</summary>
    public static string Draft(IncidentState state, IReadOnlyList<string> assignees, IncidentContext context) =>
        context.Renderer.RenderPostmortem(View(state, assignees, context)).Text;

    /// <summary>What the post-mortem template sees.</summary>
    public static IncidentView View(IncidentState state, IReadOnlyList<string> assignees, IncidentContext context) => new()
    {
        Repo = context.Repo.ToString(),
        Key = state.Key,
        Event = IncidentEvents.Postmortem,
        Status = state.Status,
        Severity = state.Severity,
        GroupLabels = state.GroupLabels,
        CommonLabels = state.GroupLabels,
        CommonAnnotations = new Dictionary<string, string>(),
        Alerts = [],
        StartedAt = state.StartedAt,
        ResolvedAt = state.IsFiring ? null : state.ResolvedAt,
        PreviousIssue = state.PreviousIssue,
        Postmortem = new PostmortemFacts
        {
            Timeline = Timeline(state),
            AcknowledgedBy = state.Acknowledged?.By ?? "",
            AcknowledgedAt = state.Acknowledged?.At,
            ResolvedBy = state.IsFiring ? "" : state.ResolvedBy ?? "",
            Fingerprints = state.Firing,
            Assignees = assignees,
            OnCall = context.Config.OnCall is { } onCall ? [.. OnCallResolver.WhoIsOnCall(onCall, state.StartedAt).Entries.Select(e => e.Who).Distinct(StringComparer.OrdinalIgnoreCase)] : [],
        },
    };

    /// <summary>The incident's story, oldest first: what the state records, with its opening, acknowledgement and resolution.</summary>
    public static IReadOnlyList<PostmortemEntry> Timeline(IncidentState state)
    {
        var entries = new List<PostmortemEntry> { new(state.StartedAt, "", "opened", "") };
        entries.AddRange(state.Timeline.Select(entry => new PostmortemEntry(entry.At, entry.By, entry.Kind, entry.Text)));
        if (state.Acknowledged is { } ack)
        {
            entries.Add(new PostmortemEntry(ack.At, ack.By, "acknowledged", ""));
        }

        // `/resolve` with a note is already in the timeline.
        if (!state.IsFiring && state.ResolvedAt is { } at && !state.Timeline.Any(entry => entry is { Kind: "resolved" } && entry.At == at))
        {
            entries.Add(new PostmortemEntry(at, state.ResolvedBy ?? "", "resolved", state.ResolvedBy is null ? "the alerts resolved" : ""));
        }

        return [.. entries.OrderBy(entry => entry.At)];
    }
}
