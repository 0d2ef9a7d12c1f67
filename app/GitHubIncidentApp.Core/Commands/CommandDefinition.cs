using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>A command the app knows: how it is written, what it does, who may run it, how its arguments bind.</summary>
public sealed class CommandDefinition
{
    internal CommandDefinition(
        string name, string usage, string summary, RepoPermission defaultPermission, Func<CommandLine, CommandContext, BindResult> bind, params string[] aliases)
    {
        Name = name;
        Usage = usage;
        Summary = summary;
        DefaultPermission = defaultPermission;
        Bind = bind;
        Aliases = aliases;
    }

    /// <summary>Canonical name, lower-case, without '/'; the key in the <c>commands</c> setting.</summary>
    public string Name { get; }

    /// <summary>Other names that run the same command.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>How to write it, such as <c>/severity &lt;level&gt;</c>.</summary>
    public string Usage { get; }

    public string Summary { get; }

    /// <summary>The role needed when the repository's config does not say otherwise.</summary>
    public RepoPermission DefaultPermission { get; }

    internal Func<CommandLine, CommandContext, BindResult> Bind { get; }
}
