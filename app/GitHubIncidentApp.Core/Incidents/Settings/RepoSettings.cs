using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>A repository's config and templates, ready to use, with what was wrong in them.</summary>
public sealed record RepoSettings(IncidentConfig Config, IncidentRenderer Renderer, IReadOnlyList<ConfigProblem> Problems)
{
    public static RepoSettings Defaults { get; } = new(IncidentConfig.Default, new IncidentRenderer(TemplateSources.BuiltIn), []);

    /// <summary>Whether deciding runs the repository's own template code (title, body, comment, post-mortem or label templates).</summary>
    public bool RunsRepositoryTemplates => Renderer.HasRepositoryTemplates || Config.Labels.Any(TemplateSyntax.IsLabelTemplate);

    /// <summary>The overrides people took with <c>/oncall take</c>, already part of <see cref="Config"/>'s schedule.</summary>
    public TakenOverrides Taken { get; init; } = TakenOverrides.None;

    /// <summary>These settings with the taken overrides added after the file's own, so they win.</summary>
    public RepoSettings With(TakenOverrides taken) => Config.OnCall is { } onCall
        ? this with { Config = Config with { OnCall = onCall with { Overrides = [.. onCall.Overrides, .. taken.Entries] } }, Taken = taken }
        : this;

    /// <summary>
    /// Reads <paramref name="repo"/>'s config file and the templates it names through <paramref name="readFile"/>
    /// (null: no such file), and the files its <c>_extends</c> chain names through <paramref name="readBase"/>
    /// (null where they cannot be fetched: that is reported and the file applies alone). Templates are always
    /// the repository's own files, even when a base names them. Shared by the app (files from GitHub) and the
    /// command line (files from disk).
    /// </summary>
    /// <param name="configPath">Where the config file is (the Action's <c>config</c> input); problems name this path.</param>
    public static async Task<RepoSettings> LoadAsync(
        RepoRef repo, Func<string, CancellationToken, Task<string?>> readFile, ReadRepoFile? readBase, CancellationToken cancellationToken,
        string configPath = IncidentConfig.FilePath)
    {
        var yaml = await readFile(configPath, cancellationToken);
        if (yaml is null)
        {
            return Defaults;
        }

        var (parsed, baseProblems) = await ConfigExtends.ParseAsync(yaml, repo, readBase, cancellationToken, configPath);
        var problems = parsed.Errors.Concat(baseProblems).ToList();
        var paths = parsed.Config.Templates;
        var texts = new Dictionary<TemplateKind, string?>();
        foreach (var (kind, path) in paths.Named)
        {
            texts[kind] = await readFile(path, cancellationToken);
            if (texts[kind] is null)
            {
                problems.Add(new ConfigProblem(configPath, null, null,
                    $"the {Name(kind)} template '{path}' does not exist on the default branch; the built-in {Name(kind)} template is used"));
            }
        }

        var renderer = new IncidentRenderer(new TemplateSources(
            texts.GetValueOrDefault(TemplateKind.Title), texts.GetValueOrDefault(TemplateKind.Body), texts.GetValueOrDefault(TemplateKind.Comment), texts.GetValueOrDefault(TemplateKind.Postmortem)));
        problems.AddRange(renderer.Problems.Select(problem => new ConfigProblem(paths.Of(problem.Kind)!, problem.Error.Line, problem.Error.Column,
            $"{problem.Error.Message}; the built-in {Name(problem.Kind)} template is used instead")));
        return new RepoSettings(parsed.Config, renderer, problems);
    }

    private static string Name(TemplateKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>The override ledger issue (null until the first <c>/oncall take</c>) and what it holds.</summary>
public sealed record TakenOverrides(int? Issue, IReadOnlyList<OnCall.OnCallOverride> Entries)
{
    public static TakenOverrides None { get; } = new(null, []);
}
