using System.Diagnostics.CodeAnalysis;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>A config file that another one names in <c>_extends</c>, shown as <c>owner/repo:path</c> in messages.</summary>
public sealed record BaseConfigFile(RepoRef Repo, string Path)
{
    public const string Syntax = "a repository of the same owner (other-repo, or .github for the owner's .github repository) "
        + "or owner/repo, optionally followed by :.github/file.yml";

    /// <summary>Config files live there, as Probot reads them; a base elsewhere would reach into any file of the repository.</summary>
    public const string Folder = ".github/";

    /// <summary>
    /// Reads an <c>_extends</c> value as Probot does: <c>repo</c> (same owner as <paramref name="from"/>),
    /// <c>owner/repo</c>, either with an optional <c>:path</c>; the path defaults to <see cref="IncidentConfig.FilePath"/>
    /// and must be a YAML file under <see cref="Folder"/> once decoded (<see cref="RepoFilePath"/>).
    /// </summary>
    /// <param name="problem">What is wrong, completing "'_extends' ...", when the value names no file.</param>
    public static bool TryParse(string value, RepoRef from, [NotNullWhen(true)] out BaseConfigFile? file, [NotNullWhen(false)] out string? problem)
    {
        file = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (repoText, pathText) = colon < 0 ? (value, IncidentConfig.FilePath) : (value[..colon], value[(colon + 1)..]);
        if (!RepoRef.TryParse(repoText, out var repo, from.Owner))
        {
            problem = $"names the repository \"{repoText}\", which is no GitHub repository name; write {Syntax}";
        }
        else if (RepoFilePath.Normalize(pathText, out var path) is { } pathProblem)
        {
            problem = $"path {pathProblem}";
        }
        else if ((problem = PlaceProblem(path)) is null)
        {
            file = new BaseConfigFile(repo, path);
        }

        return file is not null;
    }

    public override string ToString() => $"{Repo}:{Path}";

    private static string? PlaceProblem(string path)
    {
        if (!path.StartsWith(Folder, StringComparison.Ordinal))
        {
            return $"path is \"{path}\", which is outside {Folder}; a base config file lives there, such as {IncidentConfig.FilePath}";
        }

        var yaml = path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        return yaml ? null : $"path is \"{path}\", which is no .yml or .yaml file; name the YAML config file to extend";
    }
}
