using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp;

/// <summary>
/// <c>validate [--repo-dir DIR] [--repo owner/name]</c>: loads <c>.github/incidents.yml</c>, the bases it extends and
/// the templates it names with the app's own code (<see cref="RepoSettings.LoadAsync"/>), so it reports what the app
/// would; then tries the templates on sample incidents and parses label templates. Each problem is printed as
/// <c>path:line:col: message</c> (the form GitHub Actions and editors link to).
/// </summary>
public static class ValidateCommand
{
    internal const string Usage = "usage: validate [--repo-dir DIR] [--repo owner/name]\n"
        + "  --repo-dir   a checkout of the repository; its .github/incidents.yml, the bases it extends and the templates it names are checked (default: the current directory)\n"
        + "  --repo       the repository the checkout is of, which '_extends' names are resolved from (default: GITHUB_REPOSITORY)\n"
        + "environment: GITHUB_TOKEN, a token to read bases in other repositories (without it they are not checked: a warning says so);\n"
        + "  GITHUB_API_URL or GHE_HOST for GitHub Enterprise\n"
        + "exit code: 0 valid (warnings printed), 1 problems found (each printed as path:line:col: message) or no .github/incidents.yml, 2 bad usage";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (CommandArgs.Parse(args, ["--repo-dir", "--repo"], maxPositional: 0, out var usageError) is not { } parsedArgs)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{Usage}");
            return 2;
        }

        if (RepoDirectory.Open(parsedArgs["--repo-dir"], errors) is not { } repo)
        {
            return 2;
        }

        using var bases = await CheckoutBases.OpenAsync(repo, parsedArgs["--repo"], environment, errors);
        if (bases is null)
        {
            return 2;
        }

        var yaml = await repo.ReadAsync(IncidentConfig.FilePath, CancellationToken.None);
        if (yaml is null)
        {
            // Exit 1 also for the default directory: a CI step run in the wrong directory must fail, not pass.
            await errors.WriteLineAsync($"error: {Path.GetFullPath(repo.ConfigPath)} does not exist: run validate in the repository's root, "
                + "or name the checkout with --repo-dir (a repository without the file gets the built-in defaults and needs no validate step)");
            return 1;
        }

        // The files as the load read them, so the templates it names are tried on samples as they were parsed.
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        async Task<string?> ReadAsync(string path, CancellationToken cancellationToken) => texts[path] = await repo.ReadAsync(path, cancellationToken);

        RepoSettings settings;
        try
        {
            settings = await RepoSettings.LoadAsync(bases.Repository, ReadAsync, bases.ReadAsync, CancellationToken.None);
        }
        catch (Exception e) when (e is GitHubApiException || GitHubFailures.IsOutage(e))
        {
            await errors.WriteLineAsync($"error: reading a base that '_extends' names from GitHub failed: {e.Message}");
            return 1;
        }

        IReadOnlyList<ConfigProblem> problems = [.. settings.Problems, .. LabelProblems(settings.Config.Labels, yaml), .. SampleProblems(settings.Config.Templates, texts)];
        foreach (var warning in problems.Where(problem => problem.Severity == ConfigSeverity.Warning))
        {
            await errors.WriteLineAsync($"warning: {warning}");
        }

        var found = problems.Where(problem => problem.Severity == ConfigSeverity.Error).ToList();
        foreach (var problem in found)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        if (found.Count > 0)
        {
            await errors.WriteLineAsync($"{found.Count} problem{(found.Count == 1 ? "" : "s")} found; the app would use the built-in defaults for what is broken");
            return 1;
        }

        await output.WriteLineAsync(Summary(settings.Config));
        return 0;
    }

    /// <summary>The templates that parse, tried on sample incidents: a runtime failure has no position.</summary>
    private static IEnumerable<ConfigProblem> SampleProblems(TemplatePaths paths, Dictionary<string, string?> texts) =>
        from template in paths.Named
        where texts.GetValueOrDefault(template.Path) is not null
        from failure in TemplateSyntax.SampleFailures(template.Kind, texts[template.Path]!)
        select new ConfigProblem(template.Path, null, null, failure);

    /// <summary>Label templates sit in the config file, so their errors point at where the label is written.</summary>
    private static IEnumerable<ConfigProblem> LabelProblems(IReadOnlyList<string> labels, string yaml)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        foreach (var label in labels.Where(TemplateSyntax.IsLabelTemplate))
        {
            var line = Array.FindIndex(lines, text => text.Contains(label, StringComparison.Ordinal));
            foreach (var error in TemplateSyntax.ParseErrors(label))
            {
                var message = $"the label template \"{label}\" does not parse: {error}";
                yield return line < 0
                    ? new ConfigProblem(IncidentConfig.FilePath, null, null, message)
                    : new ConfigProblem(IncidentConfig.FilePath, line + 1, lines[line].IndexOf(label, StringComparison.Ordinal) + 1, message);
            }
        }
    }

    private static string Summary(IncidentConfig config)
    {
        var onCall = config.OnCall;
        var templates = config.Templates.Named.Select(entry => entry.Path).ToList();
        return $"OK: {IncidentConfig.FilePath} is valid: "
            + $"{Count(onCall?.Rotations.Count ?? 0, "rotation")}, {Count(onCall?.Overrides.Count ?? 0, "override")}, "
            + $"{Count(onCall?.Policies.Count ?? 0, "escalation policy", "escalation policies")}, {Count(config.Routes.Count, "route")}, "
            + (templates.Count == 0 ? "built-in templates" : $"templates {string.Join(", ", templates)}")
            + (onCall is null ? "" : $"; times in {onCall.TimeZone.Id}");
    }

    private static string Count(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";
}
