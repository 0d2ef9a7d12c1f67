using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>A config file that another one names in <c>_extends</c>, shown as <c>owner/repo:path</c> in messages.</summary>
public sealed record BaseConfigFile(RepoRef Repo, string Path)
{
    public const string Syntax = "a repository of the same owner (other-repo, or .github for the owner's .github repository) "
        + "or owner/repo, optionally followed by :path/to/file.yml";

    /// <summary>
    /// Reads an <c>_extends</c> value as Probot does: <c>repo</c> (same owner as <paramref name="from"/>),
    /// <c>owner/repo</c>, either with an optional <c>:path</c>; the path defaults to <see cref="IncidentConfig.FilePath"/>.
    /// </summary>
    public static BaseConfigFile? Parse(string value, RepoRef from)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (repoText, path) = colon < 0 ? (value, IncidentConfig.FilePath) : (value[..colon], value[(colon + 1)..]);
        return RepoRef.TryParse(repoText, out var repo, from.Owner) && ConfigChecks.RepositoryPath(path) is null && IsYaml(path)
            ? new BaseConfigFile(repo, path)
            : null;
    }

    public override string ToString() => $"{Repo}:{Path}";

    private static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
}
