using System.Text.Json.Serialization;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The repository's storm ledger, kept in the state of one reserved incident (<see cref="StormDecider.Key"/>): while no
/// storm is open, when recent incidents opened; while one is, its groups. The storm issue's marker carries it, so the
/// index is rebuilt from GitHub as for any incident.
/// </summary>
public sealed record StormState
{
    /// <summary>The storm issue's list is rewritten at most this often, however many groups change: one edit, not one per group.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most characters the listed groups may take in the marker: with the rendered list beside it the body stays
    /// within GitHub's limit (<see cref="IssueBody.GitHubMaxLength"/>); groups past it are counted, not listed.
    /// </summary>
    public const int MarkerBudget = 20_000;

    /// <summary>When the incidents opened within the window did, oldest first; at most the threshold's count is kept.</summary>
    public IReadOnlyList<DateTimeOffset> Opens { get; init; } = [];

    /// <summary>The storm's groups in the order they joined, as far as the marker has room (see <see cref="MarkerBudget"/>).</summary>
    public IReadOnlyList<StormMember> Members { get; init; } = [];

    /// <summary>Groups that joined past the marker's room: only counted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Unlisted { get; init; }

    /// <summary>Of <see cref="Unlisted"/>, those still firing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int UnlistedFiring { get; init; }

    /// <summary>The Alertmanager the storm's alerts came from (its <c>externalUrl</c>): each group links to its alerts there.</summary>
    public string? AlertsUrl { get; init; }

    /// <summary>When the storm issue's list was last written.</summary>
    public DateTimeOffset? FlushedAt { get; init; }

    /// <summary>The list changed since it was last written: a flush is due (<see cref="IncidentState.StormDueAt"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Stale { get; init; }

    /// <summary>Groups without an issue of their own that still fire: the storm ends when none does.</summary>
    [JsonIgnore]
    public int Firing => Members.Count(m => !m.OwnIssue && m.ResolvedAt is null) + UnlistedFiring;

    /// <summary>Every group that joined, listed or not.</summary>
    [JsonIgnore]
    public int Groups => Members.Count + Unlisted;
}

/// <summary>One group of a storm, as the storm issue lists it.</summary>
public sealed record StormMember
{
    public required string Key { get; init; }
    public required string Severity { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Who owns it by the route or the on-call schedule, as <c>@login</c> and <c>@org/team</c> names.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>Of a severity that gets an issue of its own during a storm (<c>storm.own_issue</c>); linked from the storm issue.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OwnIssue { get; init; }

    /// <summary>The group's own issue, once opened; null for a group the storm issue lists only.</summary>
    public int? Issue { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }
}
