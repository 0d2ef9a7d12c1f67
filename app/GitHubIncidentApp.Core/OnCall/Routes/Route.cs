using GitHubIncidentApp.Core.Alerts.Matchers;

namespace GitHubIncidentApp.Core.OnCall.Routes;

/// <summary>One entry of <c>routes:</c>: which alerts it takes and who owns them.</summary>
public sealed record Route
{
    /// <summary>The policy name that means "assign only, never escalate", as in <c>severity_policy</c>.</summary>
    public const string NoEscalation = "none";

    /// <summary>All must hold on the group's common labels; empty makes this the catch-all route, which must be last.</summary>
    public required MatcherSet Matchers { get; init; }

    /// <summary>Rotation names, <c>@user</c> or <c>@org/team</c>, in the order written; see <see cref="AssignTarget"/>.</summary>
    public required IReadOnlyList<string> Assign { get; init; }

    /// <summary>The escalation policy by name; null leaves the choice to the severity's policy.</summary>
    public string? Escalation { get; init; }

    /// <summary>GitHub labels added to the incident issue besides the file's <c>labels</c>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public bool IsCatchAll => Matchers.IsEmpty;

    /// <summary>The rotations this route names, for checking them against <c>oncall.rotations</c>.</summary>
    public IEnumerable<string> Rotations => Assign.Where(target => AssignTarget.KindOf(target) == AssignTargetKind.Rotation);
}
