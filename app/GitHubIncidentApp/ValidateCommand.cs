using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;

namespace GitHubIncidentApp;

/// <summary>
/// <c>validate [--repo-dir DIR] [--repo owner/name]</c>: loads <c>.github/incidents.yml</c>, the bases it extends and
/// the templates it names with the app's own code (<see cref="CheckoutConfig"/>, as the Action's validate mode does), so
/// it reports what the app would, and tries the templates on sample incidents. Each problem is printed as
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

        ConfigCheck? check;
        try
        {
            check = await CheckoutConfig.CheckAsync(bases.Repository, repo.Files, bases.ReadAsync, IncidentConfig.FilePath, CancellationToken.None);
        }
        catch (Exception e) when (e is GitHubApiException || GitHubFailures.IsOutage(e))
        {
            await errors.WriteLineAsync($"error: reading a base that '_extends' names from GitHub failed: {e.Message}");
            return 1;
        }

        if (check is null)
        {
            // Exit 1 also for the default directory: a CI step run in the wrong directory must fail, not pass.
            await errors.WriteLineAsync($"error: {Path.GetFullPath(repo.ConfigPath)} does not exist: run validate in the repository's root, "
                + "or name the checkout with --repo-dir (a repository without the file gets the built-in defaults and needs no validate step)");
            return 1;
        }

        foreach (var warning in check.Problems.Where(problem => problem.Severity == ConfigSeverity.Warning))
        {
            await errors.WriteLineAsync($"warning: {warning}");
        }

        var found = check.Errors;
        foreach (var problem in found)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        if (found.Count > 0)
        {
            await errors.WriteLineAsync($"{found.Count} problem{(found.Count == 1 ? "" : "s")} found; the app would use the built-in defaults for what is broken");
            return 1;
        }

        await output.WriteLineAsync(check.Summary);
        return 0;
    }
}
