using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The incident state machine: given what the index knows and a delivery, the issue operations to
/// apply. Pure, so every rule is tested without GitHub; and it emits nothing when nothing changed,
/// because Alertmanager re-sends unchanged groups every <c>repeat_interval</c> (twice from an HA pair).
/// </summary>
public static class IncidentDecider
{
    private const string IncidentLabelColor = "5319e7";
    private const string ExtraLabelColor = "ededed";

    /// <summary>The label <c>/ack</c> sets.</summary>
    public const string AcknowledgedLabel = "acknowledged";

    public static LabelSpec AcknowledgedLabelSpec { get; } = new(AcknowledgedLabel, "1d76db", "Someone is on the incident");

    public static LabelSpec IncidentLabelSpec(IncidentConfig config) => new(config.IncidentLabel, IncidentLabelColor, "An incident opened from Prometheus alerts");

    public static LabelSpec ResolvedLabelSpec(IncidentConfig config) => new(config.Resolve.Label, "c2e0c6", "The incident's alerts have resolved");

    public static IncidentDecision Decide(KnownIncident? known, AlertmanagerPayload payload, IncidentContext context)
    {
        if (known is null)
        {
            return payload.IsResolved ? IncidentDecision.Nothing : Open(payload, context, previousIssue: null);
        }

        if (known.State is { IsFiring: true, Resolving: { } pending })
        {
            return ResolveHoldDown.WhilePending(known, pending, payload, context);
        }

        if (known.State.IsFiring)
        {
            return payload.IsResolved ? ResolveHoldDown.Resolved(known, payload, context) : Update(known, payload, context);
        }

        if (known.State.ClosedByHand)
        {
            return FollowWhileClosedByHand(known, payload);
        }

        if (payload.IsResolved)
        {
            return IncidentDecision.Nothing;
        }

        // Both times as the alerts tell them, so a delivery that waited does not decide differently from a prompt one.
        var window = context.Config.Resolve.ReopenWindow;
        var resolvedAt = known.State.ResolvedAt ?? context.Now;
        var firedAgainAt = payload.Firing.Select(a => a.StartsAt).DefaultIfEmpty(context.Now).Min();
        // An incident still open for its post-mortem is the same story going on: it reopens whatever the window.
        return known.State.PostmortemRemindAt is not null || (window > TimeSpan.Zero && firedAgainAt - resolvedAt <= window)
            ? FlapDecider.Flapped(known.State, Reopen(known, payload, context), context)
            : Open(payload, context, previousIssue: known.IssueNumber);
    }

    // Closed by hand while firing: the same alerts firing on must not reopen it, so only the set of
    // firing alerts is followed (locally, no GitHub call) until they all resolve.
    private static IncidentDecision FollowWhileClosedByHand(KnownIncident known, AlertmanagerPayload payload)
    {
        if (payload.IsResolved)
        {
            return new IncidentDecision([], known.State with { Firing = [], ClosedByHand = false });
        }

        var firing = AlertDiff.Between(known.State.Firing, payload).Firing;
        return firing.SequenceEqual(known.State.Firing) ? IncidentDecision.Nothing : new IncidentDecision([], known.State with { Firing = firing });
    }

    private static IncidentDecision Open(AlertmanagerPayload payload, IncidentContext context, int? previousIssue)
    {
        var diff = AlertDiff.Between([], payload);
        var level = SeverityResolver.GroupLevel(payload.Alerts, context.Config.Severity);
        var ownership = IncidentOwnership.For(payload, level.Name, context.Config, context.Now);
        var state = FiringState(payload, context, diff, level, ownership) with { PreviousIssue = previousIssue };
        var view = View(payload, context, state, "opened", diff);

        var title = context.Renderer.RenderTitle(view);
        var body = context.Renderer.RenderBody(view, IssueBody.ContentRoom(state));
        var labels = new List<LabelSpec>
        {
            IncidentLabelSpec(context.Config),
            LabelOf(level),
        };
        var extra = context.Renderer.RenderLabels(context.Config.Labels, view);
        labels.AddRange(extra.Names.Select(name => new LabelSpec(name, ExtraLabelColor, "Set by the incident app's configuration")));
        labels.AddRange(ownership.Labels.Select(name => new LabelSpec(name, ExtraLabelColor, "Set by the incident's route")));
        labels.AddRange(MaintenanceNote.Labels(ownership.Maintenance));

        // One call opens it and assigns its owners.
        var issue = new NewIssue
        {
            Title = title.Text,
            Body = IssueBody.Section(MaintenanceNote.With(WithOwners(WithProblems(body.Text, context, title.Warnings, body.Warnings, extra.Warnings), ownership), ownership), state),
            Labels = labels.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Assignees = ownership.Owners.Assign,
            Type = context.Config.IssueType,
        };
        return new IncidentDecision([new EnsureLabels(labels), new CreateIssue(issue)], state);
    }

    internal static IncidentDecision Update(KnownIncident known, AlertmanagerPayload payload, IncidentContext context)
    {
        var diff = AlertDiff.Between(known.State.Firing, payload);
        var level = known.State.SeverityPinned
            ? context.Config.Severity.Find(known.State.Severity) ?? SeverityResolver.GroupLevel(payload.Alerts, context.Config.Severity)
            : SeverityResolver.GroupLevel(payload.Alerts, context.Config.Severity, known.State.Severity);
        var severityChanged = level.Name != known.State.Severity;
        if (!diff.ChangesAlerts && !severityChanged && payload.TruncatedAlerts == known.State.Truncated)
        {
            return IncidentDecision.Nothing;
        }

        var state = known.State with { Firing = diff.Firing, Severity = level.Name, Truncated = payload.TruncatedAlerts };
        var view = View(payload, context, state, "changed", diff);
        var operations = new List<IssueOperation>();
        if (severityChanged)
        {
            operations.Add(new EnsureLabels([LabelOf(level)]));
        }

        operations.Add(new UpdateIssue
        {
            AddLabels = severityChanged ? [level.GitHubLabel] : [],
            RemoveLabels = severityChanged ? OtherSeverityLabels(level, context) : [],
            Marker = state,
            Content = Content(view, context),
        });
        if (diff.Started.Count > 0 || diff.Ended.Count > 0 || severityChanged)
        {
            operations.Add(new CommentOnIssue(context.Renderer.RenderComment(view).Text));
        }

        return new IncidentDecision(operations, state);
    }

    internal static IncidentDecision Resolve(KnownIncident known, AlertmanagerPayload payload, IncidentContext context)
    {
        var resolve = context.Config.Resolve;
        var close = resolve.Close && known.State.AutoClose;
        var state = known.State with { Status = AlertStatus.Resolved, Firing = [], ResolvedAt = EndedAt(payload, known.State.StartedAt, context.Now), ResolvedBy = null, Truncated = 0 };
        var waiting = close ? PostmortemDecider.Waiting(state, context) : null;
        state = waiting ?? state;
        close &= waiting is null;
        var diff = AlertDiff.Between(known.State.Firing, payload);
        var view = View(payload, context, state, "resolved", diff);

        // The body keeps its last firing picture: refreshing it would cost a read and a write more,
        // and the comment, the label and the closed state already tell the story. The comment comes
        // last, as in every decision: a retry after a failed call repeats the calls before it, and of
        // them only the update is harmless to repeat.
        return new IncidentDecision(
        [
            new EnsureLabels([ResolvedLabelSpec(context.Config), .. waiting is null ? Array.Empty<LabelSpec>() : [PostmortemDecider.PendingLabelSpec]]),
            new UpdateIssue
            {
                Open = close ? false : null,
                StateReason = close ? "completed" : null,
                AddLabels = [resolve.Label, .. waiting is null ? Array.Empty<string>() : [PostmortemDecider.PendingLabel]],
            },
            new CommentOnIssue(context.Renderer.RenderComment(view).Text + (waiting is null ? "" : "\n\n" + PostmortemDecider.WaitingNote)),
        ], state);
    }

    private static IncidentDecision Reopen(KnownIncident known, AlertmanagerPayload payload, IncidentContext context)
    {
        var diff = AlertDiff.Between([], payload);
        var level = SeverityResolver.GroupLevel(payload.Alerts, context.Config.Severity, known.State.Severity);
        var ownership = IncidentOwnership.For(payload, level.Name, context.Config, context.Now);
        // A new episode: unacknowledged, escalation from its start, severity from the alerts again; the timeline, autoclose
        // and a silence still in force (it is the group's, in Alertmanager) stay.
        var state = FiringState(payload, context, diff, level, ownership) with
        {
            PreviousIssue = known.State.PreviousIssue,
            Timeline = known.State.Timeline,
            AutoClose = known.State.AutoClose,
            Silence = known.State.Silence,
            PostmortemAt = known.State.PostmortemAt,
        };
        var view = View(payload, context, state, "reopened", diff);

        var operations = new List<IssueOperation>
        {
            new EnsureLabels([LabelOf(level), .. MaintenanceNote.Labels(ownership.Maintenance)]),
            new UpdateIssue
            {
                Open = true,
                AddLabels = [level.GitHubLabel, .. MaintenanceNote.Labels(ownership.Maintenance).Select(label => label.Name)],
                RemoveLabels = [context.Config.Resolve.Label, AcknowledgedLabel, PostmortemDecider.PendingLabel, .. OtherSeverityLabels(level, context), .. ownership.Maintenance is null ? [MaintenanceNote.Label] : Array.Empty<string>()],
                Marker = state,
                Content = MaintenanceNote.With(WithOwners(Content(view, context), ownership), ownership),
            },
        };
        if (ownership.Owners.Assign.Count > 0)
        {
            operations.Add(new AssignPeople(ownership.Owners.Assign));
        }

        operations.Add(new CommentOnIssue(context.Renderer.RenderComment(view).Text));
        return new IncidentDecision(operations, state);
    }

    /// <summary>
    /// When the alerts say they ended, not when the delivery is processed: it may have waited in Alertmanager
    /// (group_interval) or in the inbox. Times outside the incident (before it started, in the future) are not believed.
    /// </summary>
    internal static DateTimeOffset EndedAt(AlertmanagerPayload payload, DateTimeOffset startedAt, DateTimeOffset now) =>
        payload.Alerts
            .Where(a => !a.IsFiring && a.EndsAt is { } ended && ended >= startedAt && ended <= now)
            .Select(a => a.EndsAt!.Value)
            .DefaultIfEmpty(now)
            .Max();

    private static IncidentState FiringState(AlertmanagerPayload payload, IncidentContext context, AlertDiff diff, SeverityLevel level, IncidentOwnership ownership) => new()
    {
        Escalation = ownership.Escalation,
        AckTimeout = ownership.AckTimeout,
        Key = context.Key,
        Status = AlertStatus.Firing,
        Firing = diff.Firing,
        Severity = level.Name,
        StartedAt = payload.Firing.Select(a => a.StartsAt).DefaultIfEmpty(context.Now).Min(),
        GroupLabels = payload.GroupLabels,
        Truncated = payload.TruncatedAlerts,
    };

    private static IncidentView View(AlertmanagerPayload payload, IncidentContext context, IncidentState state, string @event, AlertDiff diff) => new()
    {
        Repo = context.Repo.ToString(),
        Key = context.Key,
        Event = @event,
        Status = state.Status,
        Severity = state.Severity,
        Receiver = payload.Receiver,
        GroupLabels = payload.GroupLabels,
        CommonLabels = payload.CommonLabels,
        CommonAnnotations = payload.CommonAnnotations,
        Alerts = payload.Alerts,
        NewAlerts = diff.Started,
        ResolvedAlerts = diff.Ended,
        TruncatedAlerts = payload.TruncatedAlerts,
        ExternalUrl = payload.ExternalUrl,
        StartedAt = state.StartedAt,
        ResolvedAt = state.ResolvedAt,
        PreviousIssue = state.PreviousIssue,
    };

    private static string Content(IncidentView view, IncidentContext context)
    {
        var body = context.Renderer.RenderBody(view, IssueBody.SectionMaxLength);
        return WithProblems(body.Text, context, body.Warnings);
    }

    /// <summary>A broken config file or template never loses the alert; it is said in the issue instead.</summary>
    private static string WithProblems(string body, IncidentContext context, params IReadOnlyList<string>[] warnings)
    {
        var problems = context.Problems.Select(problem => problem.ToString()).Concat(warnings.SelectMany(w => w)).Distinct().ToList();
        if (problems.Count == 0)
        {
            return body;
        }

        return body.TrimEnd() + "\n\n" + ProblemsNote(problems);
    }

    /// <summary>The warning that lists <paramref name="problems"/> of the repository's settings in its issues.</summary>
    public static string ProblemsNote(IEnumerable<string> problems) =>
        "> [!WARNING]\n> The incident app could not use this repository's settings as written and fell back to its defaults:\n"
        + string.Join('\n', problems.Select(p => "> - " + p.ReplaceLineEndings(" "))) + "\n";

    /// <summary>Owners are mentioned too: a mention reaches people GitHub cannot assign, and teams.</summary>
    internal static string WithOwners(string content, IncidentOwnership ownership)
    {
        var names = ownership.Owners.Assign.Select(login => "@" + login).Concat(ownership.Owners.Mention).ToList();
        return names.Count == 0 ? content : content.TrimEnd() + "\n\n**On call:** " + string.Join(", ", names) + "\n";
    }

    internal static LabelSpec LabelOf(SeverityLevel level) =>
        new(level.GitHubLabel, level.Color, $"Incident severity: {level.Name}");

    private static List<string> OtherSeverityLabels(SeverityLevel level, IncidentContext context) =>
        context.Config.Severity.Levels
            .Select(l => l.GitHubLabel)
            .Where(label => !string.Equals(label, level.GitHubLabel, StringComparison.OrdinalIgnoreCase))
            .ToList();
}
