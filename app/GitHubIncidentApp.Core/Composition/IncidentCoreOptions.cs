using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Composition;

/// <summary>What a host decides when it composes the core (see <see cref="IncidentCoreServices.AddIncidentCore"/>).</summary>
public sealed record IncidentCoreOptions
{
    /// <summary>Only log the GitHub writes: with credentials the dry run still reads, so it decides as a real run would.</summary>
    public required bool DryRun { get; init; }

    /// <summary>Who the dry run's issues and comments are by: the identity whose markers count (<see cref="IBotIdentity"/>).</summary>
    public string DryRunAuthor { get; init; } = DryRunGitHubPort.DefaultAuthor;

    /// <summary>Where each repository keeps its config.</summary>
    public string ConfigPath { get; init; } = IncidentConfig.FilePath;

    /// <summary>Deliveries processed at once from the inbox; one repository takes at most half of them.</summary>
    public int Workers { get; init; } = 8;

    /// <summary>New issues and comments per installation, when the host registers no <see cref="IContentBudget"/> of its own.</summary>
    public ContentLimits ContentLimits { get; init; } = ContentLimits.GitHub;

    /// <summary>Alertmanager's API, where <c>/silence</c> makes silences; null: the command answers <see cref="SilencesOff"/>.</summary>
    public Alerts.AlertmanagerEndpoint? Alertmanager { get; init; }

    /// <summary>What <c>/silence</c> answers without <see cref="Alertmanager"/>: the host's setting to set.</summary>
    public string SilencesOff { get; init; } = "this host was not given Alertmanager's URL, so it cannot make silences";

    /// <summary>Wraps the GitHub port the core uses, outermost (the Action records the writes for its report).</summary>
    public Func<IGitHubPort, IGitHubPort>? WrapPort { get; init; }
}
