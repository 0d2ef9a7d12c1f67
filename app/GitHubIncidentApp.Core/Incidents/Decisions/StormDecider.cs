using System.Text.Json;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>What one group's delivery does to the group and to the repository's storm ledger.</summary>
/// <param name="Group">The group's own decision: an issue of its own as decided, or a member's state and no operation.</param>
/// <param name="Ledger">The ledger's: opening the storm issue, or only a new state; nothing when it is unchanged.</param>
public sealed record StormStep(IncidentDecision Group, IncidentDecision Ledger)
{
    /// <summary>The group joins the storm without an issue; its state names the storm issue once that has a number.</summary>
    public bool Joins => Group.State?.StormIssue is not null;

    /// <summary>The group opens its own issue, to be linked from the storm issue once it has a number.</summary>
    public bool LinksOwnIssue { get; init; }
}

/// <summary>
/// Storms: when more new incidents would open in a repository than <c>storm.threshold</c> within <c>storm.window</c>, the
/// next groups join one storm issue instead of opening an issue each, which GitHub's content limits (80 a minute, 500 an
/// hour) would spread over minutes to hours, and which would bury the repository. The decision is repository-wide, so
/// the applier takes it under one lock per repository. Pure, like every decider.
/// </summary>
public static class StormDecider
{
    /// <summary>The ledger's incident key: alert groups' keys are 20 hex digits, so none can take it.</summary>
    public const string Key = "storm";

    /// <summary>The label of storm issues, beside the incident label.</summary>
    public static LabelSpec Label { get; } = new("storm", "d93f0b", "Many alert groups at once, listed in one issue");

    private static readonly JsonSerializerOptions SizeOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// A group about to open an issue (<paramref name="open"/>, from <see cref="IncidentDecider"/>): it opens as decided
    /// and is counted; past the threshold it opens the storm issue as its first group; during a storm it joins it. From
    /// the <c>storm.own_issue</c> severity up it opens its issue as decided either way, linked from the storm issue.
    /// </summary>
    public static StormStep DecideOpen(KnownIncident? ledger, IncidentDecision open, AlertmanagerPayload payload, IncidentContext context)
    {
        var config = context.Config.Storm;
        var group = open.State ?? throw new ArgumentException("An opening decision has a state.", nameof(open));
        if (!config.Enabled)
        {
            return new StormStep(open, IncidentDecision.Nothing);
        }

        var state = ledger?.State ?? NewLedger(context);
        var storm = state.Storm ?? new StormState();
        var ownIssue = IsOwnIssue(group.Severity, context.Config);
        var member = MemberOf(group, payload, context, ownIssue);
        if (IsActive(ledger))
        {
            var joined = state with { Storm = With(storm, member) with { Stale = true } };
            return new StormStep(ownIssue ? open : AsMember(group, payload), new IncidentDecision([], joined)) { LinksOwnIssue = ownIssue };
        }

        var since = context.Now - config.Window;
        var opens = storm.Opens.Where(at => at > since).ToList();
        if (opens.Count < config.Threshold)
        {
            opens.Add(context.Now);
            return new StormStep(open, new IncidentDecision([], state with { Storm = storm with { Opens = [.. opens.TakeLast(config.Threshold)] } }));
        }

        return new StormStep(ownIssue ? open : AsMember(group, payload), OpenStorm(member, payload, context)) { LinksOwnIssue = ownIssue };
    }

    /// <summary>A later delivery of a group the storm issue lists (its storm still open): only the group's state and the list change.</summary>
    public static StormStep DecideMember(KnownIncident member, KnownIncident ledger, AlertmanagerPayload payload, IncidentContext context)
    {
        var state = member.State;
        IncidentState next;
        if (payload.IsResolved)
        {
            if (!state.IsFiring)
            {
                return new StormStep(IncidentDecision.Nothing, IncidentDecision.Nothing);
            }

            next = state with { Status = AlertStatus.Resolved, Firing = [], ResolvedAt = IncidentDecider.EndedAt(payload, state.StartedAt, context.Now), Truncated = 0, StormAlerts = null };
        }
        else
        {
            var diff = AlertDiff.Between(state.IsFiring ? state.Firing : [], payload);
            var level = SeverityResolver.GroupLevel(payload.Alerts, context.Config.Severity, state.Severity);
            if (state.IsFiring && !diff.ChangesAlerts && level.Name == state.Severity && payload.TruncatedAlerts == state.Truncated)
            {
                return new StormStep(IncidentDecision.Nothing, IncidentDecision.Nothing);
            }

            next = state with
            {
                Status = AlertStatus.Firing,
                Firing = diff.Firing,
                Severity = level.Name,
                ResolvedAt = null,
                Truncated = payload.TruncatedAlerts,
                StormAlerts = KeptAlerts.Of(payload),
            };
        }

        // The list shows whether a group fires and its severity, not its alerts: only those changes make it stale.
        var shown = next.IsFiring != state.IsFiring || next.Severity != state.Severity;
        var storm = ledger.State.Storm ?? new StormState();
        var listed = shown ? new IncidentDecision([], ledger.State with { Storm = Followed(storm, state, next) with { Stale = true } }) : IncidentDecision.Nothing;
        return new StormStep(new IncidentDecision([], next), listed);
    }

    /// <summary>The group's own issue has opened (its severity's, or <c>/split</c>): the storm issue links it.</summary>
    public static IncidentDecision Link(KnownIncident ledger, string key, int issue)
    {
        if (!IsActive(ledger) || ledger.State.Storm is not { } storm || !storm.Members.Any(m => m.Key == key))
        {
            return IncidentDecision.Nothing;
        }

        var members = storm.Members.Select(m => m.Key == key ? m with { Issue = issue, OwnIssue = true } : m).ToList();
        return new IncidentDecision([], ledger.State with { Storm = storm with { Members = members, Stale = true } });
    }

    /// <summary>
    /// The one firing group without an issue of its own whose labels include all of <paramref name="labels"/>, for
    /// <c>/split</c>; null, and why, when none or several do.
    /// </summary>
    public static (string? Key, string Message) FindSplit(StormState storm, IReadOnlyDictionary<string, string> labels, IReadOnlyCollection<string> taken)
    {
        var named = MarkdownText.Escape(string.Join(" ", labels.Select(l => $"{l.Key}={l.Value}")));
        var matches = storm.Members
            .Where(m => !m.OwnIssue && m.ResolvedAt is null && !taken.Contains(m.Key))
            .Where(m => labels.All(l => m.Labels.TryGetValue(l.Key, out var value) && value == l.Value))
            .ToList();
        return matches switch
        {
            [var one] => (one.Key, $"Giving {named} an issue of its own; the storm issue links it."),
            [] => (null, $"No firing group of this storm without an issue of its own has {named}: name it by labels the list shows."),
            _ => (null, $"{matches.Count} groups of this storm have {named}; name one by more of its labels, such as `instance=`."),
        };
    }

    /// <summary>
    /// The group <c>/split</c> named, opened as an issue of its own from the alerts the index kept of it; where none
    /// were kept (the Action's index lives for one run), from its labels and severity, its alerts following with its next delivery.
    /// </summary>
    public static IncidentDecision OpenSplit(IncidentState member, IncidentContext context) =>
        IncidentDecider.Decide(null, member.StormAlerts?.ToPayload(member) ?? KeptAlerts.FromLabels(member, context.Config.Severity.Label), context);

    /// <summary>
    /// The timed step: when the list changed and <see cref="StormState.FlushInterval"/> passed since it was last written,
    /// one edit rewrites it; when no group without an issue of its own fires any more, the storm issue closes with a summary.
    /// </summary>
    public static IncidentDecision Decide(KnownIncident known, Tick tick, IncidentContext context) =>
        known.State.StormDueAt is { } due && due <= context.Now ? Flush(known, context) : IncidentDecision.Nothing;

    /// <summary>Writes the list now, whether due or not (a host whose index forgets between runs keeps it only in the issue).</summary>
    public static IncidentDecision Flush(KnownIncident known, IncidentContext context)
    {
        var state = known.State;
        if (!state.IsFiring || state.Storm is not { } before)
        {
            return IncidentDecision.Nothing;
        }

        var storm = before with { Stale = false, FlushedAt = context.Now };
        var ends = storm.Firing == 0 && !storm.Members.Any(m => m.OwnIssue && m.Issue is null);
        var next = ends ? state with { Storm = storm, Status = AlertStatus.Resolved, ResolvedAt = context.Now } : state with { Storm = storm };
        var update = new UpdateIssue
        {
            Title = StormIssueText.Title(storm, context.Repo, ended: ends),
            Marker = next,
            Content = StormIssueText.Content(storm, next, context, IssueBody.ContentRoom(next)),
        };
        if (!ends)
        {
            return new IncidentDecision([update], next);
        }

        var close = context.Config.Resolve.Close && state.AutoClose;
        return new IncidentDecision(
        [
            new EnsureLabels([IncidentDecider.ResolvedLabelSpec(context.Config)]),
            update with { Open = close ? false : null, StateReason = close ? "completed" : null, AddLabels = [context.Config.Resolve.Label] },
            new CommentOnIssue(StormIssueText.Summary(storm, state.StartedAt, context)),
        ], next);
    }

    /// <summary>Whether the ledger has an open storm issue that groups join.</summary>
    public static bool IsActive(KnownIncident? ledger) => ledger is { IssueNumber: > 0, State: { IsFiring: true, Storm: not null } };

    private static IncidentState NewLedger(IncidentContext context) => new()
    {
        Key = Key,
        Status = AlertStatus.Resolved,
        Firing = [],
        Severity = context.Config.Severity.Default,
        StartedAt = context.Now,
        Storm = new StormState(),
    };

    private static IncidentDecision OpenStorm(StormMember first, AlertmanagerPayload payload, IncidentContext context)
    {
        // The storm has no labels of its own: its owners are the route for no labels (a catch-all) or whoever is on call.
        var empty = new Dictionary<string, string>();
        var level = context.Config.Severity.Find(first.Severity) ?? context.Config.Severity.Levels[^1];
        var ownership = IncidentOwnership.For(payload with { CommonLabels = empty, GroupLabels = empty }, level.Name, context.Config, context.Now);
        var storm = new StormState { Members = [first], AlertsUrl = payload.ExternalUrl, FlushedAt = context.Now };
        var state = new IncidentState
        {
            Key = Key,
            Status = AlertStatus.Firing,
            Firing = [],
            Severity = level.Name,
            StartedAt = context.Now,
            Escalation = ownership.Escalation,
            AckTimeout = ownership.AckTimeout,
            Storm = storm,
        };
        List<LabelSpec> labels = [IncidentDecider.IncidentLabelSpec(context.Config), Label, IncidentDecider.LabelOf(level)];
        var content = StormIssueText.Content(storm, state, context, IssueBody.ContentRoom(state));
        var issue = new NewIssue
        {
            Title = StormIssueText.Title(storm, context.Repo, ended: false),
            Body = IssueBody.Section(IncidentDecider.WithOwners(content, ownership), state),
            Labels = [.. labels.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase)],
            Assignees = ownership.Owners.Assign,
        };
        return new IncidentDecision([new EnsureLabels(labels), new CreateIssue(issue)], state);
    }

    /// <summary>A member has no issue and pages nobody itself: the storm issue escalates. Its storm's number is filled in once known.</summary>
    private static IncidentDecision AsMember(IncidentState group, AlertmanagerPayload payload) =>
        new([], group with { StormIssue = 0, Escalation = null, AckTimeout = null, StormAlerts = KeptAlerts.Of(payload) });

    private static bool IsOwnIssue(string severity, IncidentConfig config) =>
        config.Severity.Find(severity) is { } level && config.Severity.Find(config.Storm.OwnIssue) is { } from
        && SeverityResolver.RankOf(level, config.Severity) <= SeverityResolver.RankOf(from, config.Severity);

    private static StormMember MemberOf(IncidentState group, AlertmanagerPayload payload, IncidentContext context, bool ownIssue)
    {
        var owners = IncidentOwnership.For(payload, group.Severity, context.Config, context.Now).Owners;
        return new StormMember
        {
            Key = group.Key,
            Severity = group.Severity,
            StartedAt = group.StartedAt,
            Labels = group.GroupLabels,
            Owners = [.. owners.Assign.Select(login => "@" + login), .. owners.Mention],
            OwnIssue = ownIssue,
        };
    }

    /// <summary>The storm with <paramref name="member"/> listed (again, for a group it lists already), or counted when the marker has no room.</summary>
    private static StormState With(StormState storm, StormMember member)
    {
        if (storm.Members.Any(m => m.Key == member.Key))
        {
            return storm with { Members = [.. storm.Members.Select(m => m.Key == member.Key ? member with { Issue = m.Issue } : m)] };
        }

        var used = storm.Members.Sum(SizeOf);
        return used + SizeOf(member) <= StormState.MarkerBudget
            ? storm with { Members = [.. storm.Members, member] }
            : storm with { Unlisted = storm.Unlisted + 1, UnlistedFiring = storm.UnlistedFiring + (member.OwnIssue ? 0 : 1) };
    }

    private static StormState Followed(StormState storm, IncidentState before, IncidentState after)
    {
        if (!storm.Members.Any(m => m.Key == after.Key))
        {
            var change = (after.IsFiring ? 1 : 0) - (before.IsFiring ? 1 : 0);
            return storm with { UnlistedFiring = Math.Clamp(storm.UnlistedFiring + change, 0, storm.Unlisted) };
        }

        return storm with
        {
            Members = [.. storm.Members.Select(m => m.Key == after.Key ? m with { Severity = after.Severity, ResolvedAt = after.IsFiring ? null : after.ResolvedAt } : m)],
        };
    }

    private static int SizeOf(StormMember member) => JsonSerializer.Serialize(member, SizeOptions).Length;
}
