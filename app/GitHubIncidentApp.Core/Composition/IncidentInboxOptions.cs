using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Composition;

/// <summary>What a host that takes deliveries into a durable inbox decides when it composes it (see <see cref="IncidentInboxServices.AddIncidentInbox"/>).</summary>
public sealed record IncidentInboxOptions
{
    /// <summary>PostgreSQL, shared by several replicas; null keeps the data in a SQLite file in <see cref="DataDir"/>.</summary>
    public string? DatabaseUrl { get; init; }

    public required string DataDir { get; init; }

    /// <summary>The tokens Alertmanager may present, each with the repositories it reaches.</summary>
    public required IReadOnlyList<AlertmanagerToken> AlertmanagerTokens { get; init; }

    /// <summary>Where an Alertmanager delivery goes that names no repository.</summary>
    public RepoRef? DefaultRepo { get; init; }

    /// <summary>Calls to its host count as GitHub requests in the metrics.</summary>
    public required Uri GitHubApiUrl { get; init; }

    /// <summary>The mode the host runs in, as the metrics name it.</summary>
    public required string Mode { get; init; }
}
