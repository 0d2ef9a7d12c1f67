using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp;

/// <summary>
/// <c>validate [--repo-dir DIR]</c>: checks <c>.github/incidents.yml</c> and the templates it names as the app
/// would, printing each problem as <c>path:line:col: message</c> (the form GitHub Actions and editors link to).
/// </summary>
public static partial class ValidateCommand
{
    internal const string Usage = "usage: validate [--repo-dir DIR]\n"
        + "  --repo-dir   a checkout of the repository; its .github/incidents.yml and the templates it names are checked (default: the current directory)\n"
        + "exit code: 0 valid, 1 problems found (each printed as path:line:col: message) or no .github/incidents.yml, 2 bad usage";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (CommandArgs.Parse(args, ["--repo-dir"], maxPositional: 0, out var usageError) is not { } parsedArgs)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{Usage}");
            return 2;
        }

        if (RepoDirectory.Open(parsedArgs["--repo-dir"], errors) is not { } repo)
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

        var parsed = IncidentConfigParser.Parse(yaml);
        var problems = parsed.Errors.Select(error => error.ToString()).ToList();
        if (parsed.IsValid)
        {
            problems.AddRange(LabelProblems(parsed.Config.Labels, yaml));
            foreach (var (kind, path) in TemplatePaths(parsed.Config.Templates))
            {
                problems.AddRange(await TemplateProblemsAsync(repo, kind, path));
            }
        }

        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem);
        }

        if (problems.Count > 0)
        {
            await errors.WriteLineAsync($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found; the app would use the built-in defaults for what is broken");
            return 1;
        }

        await output.WriteLineAsync(Summary(parsed.Config));
        return 0;
    }

    /// <summary>The repository templates the file names; the others are built in.</summary>
    private static IEnumerable<(TemplateKind Kind, string Path)> TemplatePaths(TemplatePaths paths)
    {
        (TemplateKind Kind, string? Path)[] all = [(TemplateKind.Title, paths.Title), (TemplateKind.Body, paths.Body), (TemplateKind.Comment, paths.Comment)];
        return all.Where(entry => entry.Path is not null).Select(entry => (entry.Kind, entry.Path!));
    }

    private static async Task<IEnumerable<string>> TemplateProblemsAsync(RepoDirectory repo, TemplateKind kind, string path)
    {
        var source = await repo.ReadAsync(path, CancellationToken.None);
        var name = kind.ToString().ToLowerInvariant();
        return source is null
            ? [$"{IncidentConfig.FilePath}: the {name} template '{path}' does not exist; create it or remove 'templates.{name}'"]
            : TemplateSyntax.Validate(kind, source).Select(problem => Located(path, problem));
    }

    /// <summary>Label templates sit in the config file, so their errors point at where the label is written.</summary>
    private static IEnumerable<string> LabelProblems(IReadOnlyList<string> labels, string yaml)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        foreach (var label in labels.Where(label => label.Contains("{{", StringComparison.Ordinal)))
        {
            var line = Array.FindIndex(lines, text => text.Contains(label, StringComparison.Ordinal));
            var at = line < 0 ? "" : $"{line + 1}:{lines[line].IndexOf(label, StringComparison.Ordinal) + 1}:";
            foreach (var problem in TemplateSyntax.ValidateLabel(label))
            {
                yield return $"{IncidentConfig.FilePath}:{at} the label template \"{label}\" does not parse: {problem}";
            }
        }
    }

    /// <summary>"line L, col C: message" from a template file becomes "path:L:C: message"; a runtime failure has no position.</summary>
    private static string Located(string path, string problem) =>
        TemplatePosition().Match(problem) is { Success: true } match
            ? $"{path}:{match.Groups[1].Value}:{match.Groups[2].Value}: {problem[match.Length..]}"
            : $"{path}: {problem}";

    private static string Summary(IncidentConfig config)
    {
        var onCall = config.OnCall;
        var templates = TemplatePaths(config.Templates).Select(entry => entry.Path).ToList();
        return $"OK: {IncidentConfig.FilePath} is valid: "
            + $"{Count(onCall?.Rotations.Count ?? 0, "rotation")}, {Count(onCall?.Overrides.Count ?? 0, "override")}, "
            + $"{Count(onCall?.Policies.Count ?? 0, "escalation policy", "escalation policies")}, {Count(config.Routes.Count, "route")}, "
            + (templates.Count == 0 ? "built-in templates" : $"templates {string.Join(", ", templates)}")
            + (onCall is null ? "" : $"; times in {onCall.TimeZone.Id}");
    }

    private static string Count(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";

    [GeneratedRegex(@"^line (\d+), col (\d+): ")]
    private static partial Regex TemplatePosition();
}
