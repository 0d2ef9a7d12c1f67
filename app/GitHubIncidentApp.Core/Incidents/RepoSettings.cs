using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>A repository's config and templates, ready to use, with what was wrong in them.</summary>
public sealed record RepoSettings(IncidentConfig Config, IncidentRenderer Renderer, IReadOnlyList<string> Problems)
{
    public static RepoSettings Defaults { get; } = new(IncidentConfig.Default, new IncidentRenderer(TemplateSources.BuiltIn), []);

    /// <summary>
    /// Reads the config file and the templates it names through <paramref name="readFile"/> (null: no such file).
    /// Shared by the app (files from GitHub) and the command line (files from disk).
    /// </summary>
    public static async Task<RepoSettings> LoadAsync(Func<string, CancellationToken, Task<string?>> readFile, CancellationToken cancellationToken)
    {
        var yaml = await readFile(IncidentConfig.FilePath, cancellationToken);
        if (yaml is null)
        {
            return Defaults;
        }

        var parsed = IncidentConfigParser.Parse(yaml, IncidentConfig.FilePath);
        var problems = parsed.Errors.Select(e => e.ToString()).ToList();
        var paths = parsed.Config.Templates;

        async Task<string?> ReadTemplateAsync(string? path, string kind)
        {
            if (path is null)
            {
                return null;
            }

            var text = await readFile(path, cancellationToken);
            if (text is null)
            {
                problems.Add($"{IncidentConfig.FilePath}: the {kind} template '{path}' does not exist on the default branch; the built-in {kind} template is used");
            }

            return text;
        }

        var sources = new TemplateSources(
            await ReadTemplateAsync(paths.Title, "title"),
            await ReadTemplateAsync(paths.Body, "body"),
            await ReadTemplateAsync(paths.Comment, "comment"));
        var renderer = new IncidentRenderer(sources);
        problems.AddRange(renderer.Problems);
        return new RepoSettings(parsed.Config, renderer, problems);
    }
}
