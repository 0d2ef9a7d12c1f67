using System.Collections.ObjectModel;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>What binding a command needs to know beyond its text.</summary>
public sealed record CommandContext
{
    /// <summary>Login of the person who wrote the comment; <c>/assign</c> alone assigns them.</summary>
    public required string Commenter { get; init; }

    public required SeverityConfig Severity { get; init; }

    /// <summary>Permission per canonical command name, replacing the catalog's default.</summary>
    public IReadOnlyDictionary<string, RepoPermission> PermissionOverrides { get; init; } = ReadOnlyDictionary<string, RepoPermission>.Empty;

    /// <summary>The longest <c>/silence</c> the repository allows.</summary>
    public TimeSpan MaxSilence { get; init; } = SilenceConfig.Longest;

    public static CommandContext For(string commenter, IncidentConfig config) => new()
    {
        Commenter = commenter,
        Severity = config.Severity,
        PermissionOverrides = config.CommandPermissions,
        MaxSilence = config.Silence.MaxDuration,
    };
}
