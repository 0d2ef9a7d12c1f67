using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp;

/// <summary>A local checkout of a target repository, which the command-line verbs read instead of GitHub.</summary>
internal sealed class RepoDirectory(string path)
{
    /// <summary>The checkout that <c>--repo-dir</c> names (default: the current directory), or null after saying it does not exist.</summary>
    public static RepoDirectory? Open(string? repoDir, TextWriter errors)
    {
        if (!Directory.Exists(repoDir ?? "."))
        {
            errors.WriteLine($"error: --repo-dir '{repoDir}' is not a directory; give a checkout of the repository that holds {IncidentConfig.FilePath}");
            return null;
        }

        return new RepoDirectory(repoDir ?? ".");
    }

    /// <summary>The checkout's directory as given.</summary>
    public string Root => path;

    /// <summary>Where the config file is on disk, for messages.</summary>
    public string ConfigPath => Path.Combine(path, IncidentConfig.FilePath);

    /// <summary>The checkout's files by their paths in the repository.</summary>
    public CheckoutFiles Files { get; } = new(path);

    /// <summary>A file by its path in the repository, or null when there is none: the reader that <c>RepoSettings.LoadAsync</c> takes.</summary>
    public Task<string?> ReadAsync(string repoPath, CancellationToken cancellationToken) => Files.ReadAsync(repoPath, cancellationToken);

    /// <summary>
    /// The repository's config for the on-call verbs, or null after printing why there is none to use:
    /// every error of an invalid file (exit 1), or a missing <c>oncall:</c> section.
    /// </summary>
    public async Task<IncidentConfig?> LoadOnCallAsync(TextWriter errors)
    {
        var yaml = await ReadAsync(IncidentConfig.FilePath, CancellationToken.None);
        if (yaml is null)
        {
            await errors.WriteLineAsync($"error: {ConfigPath} does not exist; write an 'oncall:' section in it first (see README, On-call schedules)");
            return null;
        }

        var parsed = IncidentConfigParser.Parse(yaml);
        foreach (var error in parsed.Errors)
        {
            await errors.WriteLineAsync(error.ToString());
        }

        if (parsed.IsValid && parsed.Config.OnCall is null)
        {
            await errors.WriteLineAsync($"error: {IncidentConfig.FilePath} has no on-call schedule; add an 'oncall:' section with rotations");
        }

        return parsed.IsValid && parsed.Config.OnCall is not null ? parsed.Config : null;
    }
}
