using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>One change to apply to GitHub, decided without calling it.</summary>
public abstract record IssueOperation;

/// <summary>Labels the following operations use; created (with colours) only where the repository lacks them.</summary>
public sealed record EnsureLabels(IReadOnlyList<LabelSpec> Labels) : IssueOperation;

/// <summary>Opens the incident issue with title, body, labels and assignees in one call.</summary>
public sealed record CreateIssue(NewIssue Issue) : IssueOperation
{
    /// <summary>The severity field to set in the same call; the field's id is known only once the organisation's fields are read.</summary>
    public SeverityFieldWanted? SeverityField { get; init; }
}

/// <summary>What an incident's organisation issue field (<c>severity_field</c>) is to show: its severity level.</summary>
public sealed record SeverityFieldWanted(Configuration.SeverityFieldConfig Field, string Level);

/// <summary>Sets the severity field of the incident's issue (<c>POST .../issue-field-values</c>) after its severity changed.</summary>
public sealed record SetSeverityField(SeverityFieldWanted Wanted) : IssueOperation;

public sealed record CommentOnIssue(string Body) : IssueOperation;

/// <summary>
/// The state changed with nothing to show on the issue (a resolution held down, a flap counted): no call where the
/// index keeps the state (the App); where it does not (the Action), the issue's marker is brought up to it after the
/// delivery, or the next run would not know.
/// </summary>
public sealed record SaveStateInMarker : IssueOperation;

/// <summary>
/// Changes to the existing issue, applied as one <c>PATCH</c>. A new <see cref="Marker"/> rewrites the
/// bot-owned section, which needs the current body first (people's text around it is kept), so it
/// costs one read more.
/// </summary>
public sealed record UpdateIssue : IssueOperation
{
    public bool? Open { get; init; }
    public string? StateReason { get; init; }

    /// <summary>A new title; null keeps it (only the storm issue's changes: it counts its groups).</summary>
    public string? Title { get; init; }
    public IReadOnlyList<string> AddLabels { get; init; } = [];
    public IReadOnlyList<string> RemoveLabels { get; init; } = [];

    /// <summary>The state to write into the marker (and the timeline); null leaves the section alone.</summary>
    public IncidentState? Marker { get; init; }

    /// <summary>Newly rendered alert content for the section; null keeps the content it has. Needs <see cref="Marker"/>.</summary>
    public string? Content { get; init; }
}

/// <summary>A reaction on a comment: how the app says it took (eyes), did (rocket) or refused (confused) a command.</summary>
public sealed record ReactToComment(long CommentId, string Reaction) : IssueOperation;

/// <summary>People to add to the issue's assignees; GitHub skips those it cannot assign.</summary>
public sealed record AssignPeople(IReadOnlyList<string> Logins) : IssueOperation;

public sealed record UnassignPeople(IReadOnlyList<string> Logins) : IssueOperation;

/// <summary>Rewrites the repository's override ledger issue (opening it when <paramref name="LedgerIssue"/> is null); the incident's issue is left alone.</summary>
public sealed record WriteOverrideLedger(int? LedgerIssue, IReadOnlyList<OnCall.OnCallOverride> Overrides) : IssueOperation;

/// <summary>
/// Files the issue just opened under issue <paramref name="Parent"/> as a sub-issue (a storm's own-issue group under the
/// storm issue). Where GitHub has no sub-issues the storm issue's task list still links it.
/// </summary>
public sealed record AddSubIssue(int Parent) : IssueOperation;

/// <summary>A silence to create in Alertmanager (applied by the silence applier, not on GitHub); its id is known only once created.</summary>
public sealed record CreateSilence(Alerts.SilenceRequest Request) : IssueOperation;

/// <summary>Ends a silence in Alertmanager now (applied by the silence applier, not on GitHub).</summary>
public sealed record ExpireSilence(string Id) : IssueOperation;

/// <summary>Pins the incident's issue to the repository's issue list (GraphQL <c>pinIssue</c>); the oldest pin the app made gives way when three are pinned.</summary>
public sealed record PinIssue : IssueOperation;

/// <summary>Unpins the incident's issue (GraphQL <c>unpinIssue</c>), which the app pinned.</summary>
public sealed record UnpinIssue : IssueOperation;
