using System.Collections.ObjectModel;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.OnCall.Routes;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The per-repository settings from <c>.github/incidents.yml</c>. Every property has a default,
/// so a repository without the file gets sensible behavior.
/// </summary>
public sealed record IncidentConfig
{
    public const string FilePath = ".github/incidents.yml";

    public static IncidentConfig Default { get; } = new();

    /// <summary>Label every incident issue carries; also how the index is rebuilt.</summary>
    public string IncidentLabel { get; init; } = "incident";

    /// <summary>Extra labels; each may be a Scriban template over the group (<c>team/{{ labels.team }}</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public SeverityConfig Severity { get; init; } = new();

    public ResolveConfig Resolve { get; init; } = new();

    /// <summary>When a group that resolves and fires again counts as flapping (<c>flapping:</c>).</summary>
    public FlappingConfig Flapping { get; init; } = new();

    public TemplatePaths Templates { get; init; } = new();

    /// <summary>Which labels identify an incident. Empty: the group's labels (Alertmanager's <c>group_by</c>).</summary>
    public IReadOnlyList<string> IncidentKeyLabels { get; init; } = [];

    /// <summary>Who may run a slash command, by its canonical name, where the default does not fit.</summary>
    public IReadOnlyDictionary<string, RepoPermission> CommandPermissions { get; init; } = ReadOnlyDictionary<string, RepoPermission>.Empty;

    /// <summary>Off by default: editing a comment would otherwise run its commands a second time.</summary>
    public bool RunEditedComments { get; init; }

    /// <summary>Who owns which alerts (<c>routes:</c>), first match wins; empty turns routing off. See <see cref="RouteTable"/>.</summary>
    public IReadOnlyList<Route> Routes { get; init; } = [];
    /// <summary>Rotations, escalation policies and severity policy; null when the file has none of their keys.</summary>
    public OnCallConfig? OnCall { get; init; }

    /// <summary>When many new groups at once share one storm issue (<c>storm:</c>).</summary>
    public StormConfig Storm { get; init; } = new();
    /// <summary>How <c>/silence</c> behaves (<c>silence:</c>).</summary>
    public SilenceConfig Silence { get; init; } = new();

    /// <summary>Maintenance windows (<c>maintenance:</c>): their alerts are silenced ahead of time, and incidents opened in them do not escalate.</summary>
    public IReadOnlyList<MaintenanceWindow> Maintenance { get; init; } = [];

    /// <summary>The organisation's issue type new incident issues get (<c>issue_type</c>); null sets none.</summary>
    public string? IssueType { get; init; }

    /// <summary>Whether open incidents of the most severe level are pinned to the repository's issue list (<c>pin</c>).</summary>
    public bool Pin { get; init; } = true;

    /// <summary>Which incidents need a post-mortem before they close (<c>postmortem:</c>).</summary>
    public PostmortemConfig Postmortem { get; init; } = new();

    /// <summary>When the periodic report issue is opened (<c>report:</c>).</summary>
    public ReportConfig Report { get; init; } = new();

    /// <summary>The organisation issue field that shows the severity (<c>severity_field</c>); null sets none.</summary>
    public SeverityFieldConfig? SeverityField { get; init; }

    /// <summary>Whether the App serves the repository's status page at <c>/status/{owner}/{repo}</c> (<c>status_page</c>); off by default.</summary>
    public bool StatusPage { get; init; }
}

public sealed record SeverityConfig
{
    /// <summary>The alert label that carries the severity.</summary>
    public string Label { get; init; } = "severity";

    /// <summary>Used when an alert has no severity or one that no level names.</summary>
    public string Default { get; init; } = "warning";

    /// <summary>Most severe first; a group's severity is that of its most severe firing alert.</summary>
    public IReadOnlyList<SeverityLevel> Levels { get; init; } =
    [
        new("critical", "severity/critical", "b60205", ["page", "error", "sev1", "sev2"]),
        new("warning", "severity/warning", "fbca04", ["warn", "sev3"]),
        new("info", "severity/info", "0e8a16", ["none", "sev4"]),
    ];

    /// <summary>The level a value names, by name or alias, ignoring case; null when none does.</summary>
    public SeverityLevel? Find(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? null
            : Levels.FirstOrDefault(level =>
                string.Equals(level.Name, value.Trim(), StringComparison.OrdinalIgnoreCase)
                || level.Aliases.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase));
}

/// <param name="Name">Canonical name, as in alert labels and commands.</param>
/// <param name="GitHubLabel">The issue label that shows it.</param>
/// <param name="Color">Six hex digits, used when the app creates the label.</param>
/// <param name="Aliases">Other alert label values that mean this level.</param>
public sealed record SeverityLevel(string Name, string GitHubLabel, string Color, IReadOnlyList<string> Aliases);

public sealed record ResolveConfig
{
    /// <summary>Close the issue when every alert resolved; false only labels it.</summary>
    public bool Close { get; init; } = true;

    public string Label { get; init; } = "resolved";

    /// <summary>A group that fires again within this time reopens its issue; later, it gets a new one.</summary>
    public TimeSpan ReopenWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The hold-down: the issue is resolved only once its alerts stayed resolved this long, so a group that resolves and
    /// fires again within it costs no close, reopen or comment. Zero (the default) resolves at once.
    /// </summary>
    public TimeSpan Delay { get; init; }
}

/// <summary>Paths of template files in the target repository; null uses the built-in template.</summary>
public sealed record TemplatePaths
{
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Comment { get; init; }
    public string? Postmortem { get; init; }

    /// <summary>The repository templates named, in the order title, body, comment, post-mortem; the others are built in.</summary>
    public IEnumerable<(TemplateKind Kind, string Path)> Named =>
        Enum.GetValues<TemplateKind>().Where(kind => Of(kind) is not null).Select(kind => (kind, Of(kind)!));

    public string? Of(TemplateKind kind) => kind switch
    {
        TemplateKind.Title => Title,
        TemplateKind.Body => Body,
        TemplateKind.Postmortem => Postmortem,
        _ => Comment,
    };
}
