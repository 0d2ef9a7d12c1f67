using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// What the app knows about one incident. Written into the issue body as a hidden marker (the
/// source of truth) and cached in the local index; it must hold everything needed to decide.
/// </summary>
public sealed record IncidentState
{
    public const int CurrentVersion = 1;

    /// <summary>Timeline entries kept in the marker; the oldest go first.</summary>
    public const int MaxTimelineEntries = 100;

    [JsonPropertyName("v")]
    public int Version { get; init; } = CurrentVersion;

    public required string Key { get; init; }

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Fingerprints of the alerts that fire, sorted.</summary>
    public required IReadOnlyList<string> Firing { get; init; }

    public required string Severity { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public IReadOnlyDictionary<string, string> GroupLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Alerts beyond Alertmanager's <c>max_alerts</c> in the last delivery.</summary>
    public int Truncated { get; init; }

    /// <summary>The issue of the same group's previous incident, when this one was opened after the reopen window.</summary>
    public int? PreviousIssue { get; init; }

    /// <summary>Who took the incident with <c>/ack</c>, and when; null while nobody has.</summary>
    public Acknowledgement? Acknowledged { get; init; }

    /// <summary>Whether the alerts resolving closes the issue (<c>/autoclose off</c> keeps it open).</summary>
    public bool AutoClose { get; init; } = true;

    /// <summary>The person who resolved it (<c>/resolve</c> or closing the issue); null when the alerts did.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>
    /// Closed by hand while its alerts fired: the same alerts firing on do not reopen it; once they
    /// resolve, a new firing does.
    /// </summary>
    public bool ClosedByHand { get; init; }

    /// <summary>When the app pinned the issue (open, most severe level); null when it did not: it unpins only what it pinned.</summary>
    public DateTimeOffset? PinnedAt { get; init; }

    /// <summary>Set by a person (<c>/severity</c> or a label): alert deliveries no longer change it.</summary>
    public bool SeverityPinned { get; init; }

    /// <summary>Status updates and notes, oldest first, shown in the issue's timeline.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>The escalation policy in force when the incident opened, frozen here, and how far it has gone.</summary>
    public EscalationProgress? Escalation { get; init; }

    /// <summary>How long an acknowledgement holds while the alerts still fire (frozen at open); null: for ever.</summary>
    public TimeSpan? AckTimeout { get; init; }

    /// <summary>
    /// The storm issue this group is listed in instead of an issue of its own (a storm member); null for a group with
    /// an issue. Such a group is indexed under issue 0, so looking an issue up never finds a member instead of the storm.
    /// </summary>
    public int? StormIssue { get; init; }

    /// <summary>A storm member's last firing alerts, kept in the index only (a member has no marker), for <c>/split</c>.</summary>
    public KeptAlerts? StormAlerts { get; init; }

    /// <summary>Only on the repository's storm ledger (<see cref="StormDecider.Key"/>): recent opens and the storm's groups.</summary>
    public StormState? Storm { get; init; }

    /// <summary>When the storm issue's list is due to be rewritten: changes are batched, at most one edit per <see cref="StormState.FlushInterval"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? StormDueAt => IsFiring && Storm is { Stale: true } storm ? (storm.FlushedAt ?? StartedAt) + StormState.FlushInterval : null;

    /// <summary>The resolution held down (<c>resolve.delay</c>, a flapping group settling); null when none waits.</summary>
    public PendingResolve? Resolving { get; init; }

    /// <summary>The group's recent flaps and whether it is flapping; null when it has not flapped.</summary>
    public FlapHistory? Flaps { get; init; }

    /// <summary>The silence set from the issue (<c>/silence</c>) and not yet ended; null when none.</summary>
    public ActiveSilence? Silence { get; init; }

    /// <summary>When the silence ends: the alerts still firing then get a comment.</summary>
    [JsonIgnore]
    public DateTimeOffset? SilenceDueAt => Silence?.EndsAt;

    /// <summary>
    /// When the escalation's next step is due while unacknowledged, the acknowledgement timeout after. Not while a
    /// resolution is held down: the alerts have resolved, there is nobody to page for.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? EscalationDueAt =>
        !IsFiring || Resolving is not null ? null
        : Acknowledged is { } ack ? (AckTimeout is { } timeout ? ack.At + timeout : null)
        : Escalation?.DueAt;

    /// <summary>When a post-mortem was written (<c>/postmortem</c>, or a person adding the label); null while none has.</summary>
    public DateTimeOffset? PostmortemAt { get; init; }

    /// <summary>Resolved but kept open until a post-mortem is written: when the next reminder is due; null when not waiting.</summary>
    public DateTimeOffset? PostmortemRemindAt { get; init; }

    /// <summary>When the reminder that a post-mortem is still missing is due.</summary>
    [JsonIgnore]
    public DateTimeOffset? PostmortemDueAt => IsFiring ? null : PostmortemRemindAt;

    /// <summary>The earliest timed step of any kind: when the clock wakes the incident (see the timed step handler).</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDueAt => Earliest(EscalationDueAt, ResolveDueAt, FlappingEndsAt, SilenceDueAt, StormDueAt, PostmortemDueAt);

    /// <summary>When the held-down resolution is applied (see the hold-down).</summary>
    [JsonIgnore]
    public DateTimeOffset? ResolveDueAt => IsFiring ? Resolving?.Until : null;

    /// <summary>When a flapping group that fires on without flapping stops being flapping.</summary>
    [JsonIgnore]
    public DateTimeOffset? FlappingEndsAt => IsFiring && Resolving is null ? Flaps?.QuietAt : null;

    [JsonIgnore]
    public bool IsFiring => Status == Alerts.AlertStatus.Firing;

    /// <summary>Closed by a person: a later firing delivery reopens it unless it was closed by hand.</summary>
    public IncidentState ResolvedByPerson(string login, DateTimeOffset now, bool byHand) =>
        this with { Status = Alerts.AlertStatus.Resolved, ResolvedAt = now, ResolvedBy = login, ClosedByHand = byHand, Resolving = null };

    /// <summary>
    /// No longer acknowledged (<c>/unack</c>, the label removed, a reopen): nobody has it, so its escalation (the policy
    /// frozen at the start) starts over from the first step, due now.
    /// </summary>
    public IncidentState Unacknowledged(DateTimeOffset now) => this with
    {
        Acknowledged = null,
        Escalation = Escalation is null ? null : Escalation with { Step = 0, Round = 0, DueAt = now },
    };

    /// <summary>Reopened by a person (<c>/reopen</c>, or the issue reopened on GitHub): firing and unacknowledged again.</summary>
    public IncidentState ReopenedByPerson(DateTimeOffset now) => Unacknowledged(now) with
    {
        Status = Alerts.AlertStatus.Firing,
        ResolvedAt = null,
        ResolvedBy = null,
        ClosedByHand = false,
        PostmortemRemindAt = null,
    };

    /// <summary>This state with <paramref name="entry"/> at the end of its timeline, dropping the oldest beyond <see cref="MaxTimelineEntries"/>.</summary>
    public IncidentState WithTimelineEntry(TimelineEntry entry) =>
        this with { Timeline = [.. Timeline.Append(entry).TakeLast(MaxTimelineEntries)] };

    private static DateTimeOffset? Earliest(params DateTimeOffset?[] times) => times.Where(t => t is not null).Min();

    // The default encoder escapes '<' and '>', so "-->" can never end the HTML comment early.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Null when the text is not a state this version understands.</summary>
    public static IncidentState? FromJson(string json)
    {
        try
        {
            var state = JsonSerializer.Deserialize<IncidentState>(json, Options);
            return state is { Version: >= 1, Key.Length: > 0 } ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record Acknowledgement(string By, DateTimeOffset At);

/// <summary>A silence in Alertmanager set from the issue: its id, when it ends, who set it and where it is shown.</summary>
public sealed record ActiveSilence(string Id, DateTimeOffset EndsAt, string By)
{
    /// <summary>Alertmanager's UI page of the silence; empty while it is being created.</summary>
    public string Url { get; init; } = "";
}

/// <summary>A frozen escalation policy and the step it is at.</summary>
public sealed record EscalationProgress
{
    public required string Policy { get; init; }
    public required IReadOnlyList<EscalationStepPlan> Steps { get; init; }

    /// <summary>How many times the whole policy runs again after its last step.</summary>
    public int Repeat { get; init; }

    /// <summary>The step that fires next, at <see cref="DueAt"/>.</summary>
    public int Step { get; init; }
    public int Round { get; init; }

    /// <summary>Null once the policy has run out.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <param name="Notify">Targets as written in the policy: a rotation, <c>rotation:next</c>, <c>@user</c> or <c>@org/team</c>.</param>
/// <param name="Wait">How long after this step the next one fires.</param>
public sealed record EscalationStepPlan(IReadOnlyList<string> Notify, TimeSpan? Wait);

/// <param name="By">A login; empty for the app's own entries (escalation steps).</param>
/// <param name="Kind">
/// <c>investigating</c>, <c>identified</c>, <c>monitoring</c> (from <c>/status</c>), <c>note</c> (<c>/timeline</c>), <c>resolved</c>
/// (<c>/resolve</c>'s note) or <c>escalation</c> (a step fired).
/// </param>
public sealed record TimelineEntry(DateTimeOffset At, string By, string Kind, string Text);
