using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>
/// A repository's config checked from a checkout of it with the app's own loading (<see cref="RepoSettings.LoadAsync"/>),
/// so it reports what the app would, and more: the templates it names are tried on sample incidents and its label
/// templates parsed. Shared by the app's <c>validate</c> verb and the Action's validate mode, which each report it.
/// </summary>
public static class CheckoutConfig
{
    /// <summary>
    /// Reads the bases <c>_extends</c> names: one in <paramref name="repository"/> itself from the checkout, so a change
    /// to both is checked together; one elsewhere from GitHub with <paramref name="repository"/>'s access, as the app
    /// reads it. Without <paramref name="github"/>, such a base is not fetched (a warning), for the reason
    /// <paramref name="withoutGitHub"/> gives about its repository. GitHub's failures other than a missing or
    /// unreadable file propagate.
    /// </summary>
    public static ReadRepoFile Bases(RepoRef repository, CheckoutFiles checkout, IGitHubPort? github, Func<RepoRef, string> withoutGitHub) =>
        async (repo, path, cancellationToken) =>
            repo.Equals(repository) ? await checkout.ReadAsync(path, cancellationToken)
            : github is null ? throw new BaseNotFetchedException(withoutGitHub(repo))
            : await github.GetFileAsync(repository, repo, path, cancellationToken);

    /// <param name="configPath">The config file's path in the repository; its problems name it.</param>
    /// <returns>What was found; null when the checkout has no file at <paramref name="configPath"/>.</returns>
    public static async Task<ConfigCheck?> CheckAsync(RepoRef repository, CheckoutFiles checkout, ReadRepoFile readBase, string configPath, CancellationToken cancellationToken)
    {
        var yaml = await checkout.ReadAsync(configPath, cancellationToken);
        if (yaml is null)
        {
            return null;
        }

        // The files as the load read them, so the templates it names are tried on samples as they were parsed.
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        async Task<string?> ReadAsync(string path, CancellationToken ct) => texts[path] = await checkout.ReadAsync(path, ct);

        var settings = await RepoSettings.LoadAsync(repository, ReadAsync, readBase, cancellationToken, configPath);
        return new ConfigCheck(configPath, settings,
            [.. settings.Problems, .. LabelProblems(settings.Config.Labels, yaml, configPath), .. SampleProblems(settings.Config.Templates, texts)]);
    }

    /// <summary>The templates that parse, tried on sample incidents: a runtime failure has no position.</summary>
    private static IEnumerable<ConfigProblem> SampleProblems(TemplatePaths paths, Dictionary<string, string?> texts) =>
        from template in paths.Named
        where texts.GetValueOrDefault(template.Path) is not null
        from failure in TemplateSyntax.SampleFailures(template.Kind, texts[template.Path]!)
        select new ConfigProblem(template.Path, null, null, failure);

    /// <summary>Label templates sit in the config file, so their errors point at where the label is written.</summary>
    private static IEnumerable<ConfigProblem> LabelProblems(IReadOnlyList<string> labels, string yaml, string configPath)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        foreach (var label in labels.Where(TemplateSyntax.IsLabelTemplate))
        {
            var line = Array.FindIndex(lines, text => text.Contains(label, StringComparison.Ordinal));
            foreach (var error in TemplateSyntax.ParseErrors(label))
            {
                var message = $"the label template \"{label}\" does not parse: {error}";
                yield return line < 0
                    ? new ConfigProblem(configPath, null, null, message)
                    : new ConfigProblem(configPath, line + 1, lines[line].IndexOf(label, StringComparison.Ordinal) + 1, message);
            }
        }
    }
}

/// <summary>What <see cref="CheckoutConfig.CheckAsync"/> found: the settings as loaded, and every problem (errors and warnings).</summary>
public sealed record ConfigCheck(string ConfigPath, RepoSettings Settings, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>The problems that make the config invalid; warnings (a base not fetched) do not.</summary>
    public IReadOnlyList<ConfigProblem> Errors => [.. Problems.Where(problem => problem.Severity == ConfigSeverity.Error)];

    /// <summary>One line on what a valid config holds.</summary>
    public string Summary
    {
        get
        {
            var config = Settings.Config;
            var onCall = config.OnCall;
            var templates = config.Templates.Named.Select(entry => entry.Path).ToList();
            return $"OK: {ConfigPath} is valid: "
                + $"{Count(onCall?.Rotations.Count ?? 0, "rotation")}, {Count(onCall?.Overrides.Count ?? 0, "override")}, "
                + $"{Count(onCall?.Policies.Count ?? 0, "escalation policy", "escalation policies")}, {Count(config.Routes.Count, "route")}, "
                + (templates.Count == 0 ? "built-in templates" : $"templates {string.Join(", ", templates)}")
                + (onCall is null ? "" : $"; times in {onCall.TimeZone.Id}");
        }
    }

    private static string Count(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";
}
