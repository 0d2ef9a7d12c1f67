using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The validate mode: the config file of the checked-out workspace (a pull request's) checked as the app loads it
/// (<see cref="CheckoutConfig"/>), with the bases it extends read with the token; each problem an annotation on its
/// file, line and column. Nothing is written to GitHub.
/// </summary>
public static class WorkspaceValidation
{
    /// <returns>The summary of a valid config (warnings allowed).</returns>
    /// <exception cref="ActionFailedException">The workspace has no config file, or the config has errors.</exception>
    public static async Task<string> RunAsync(ActionSettings settings, WorkflowCommands commands, CancellationToken cancellationToken)
    {
        var checkout = new CheckoutFiles(settings.Workspace!);
        using var client = settings.Token is { } token ? new TokenClientProvider(token, settings.ApiUrl) : null;
        var bases = CheckoutConfig.Bases(settings.Repository, checkout, client is null ? null : new OctokitGitHubPort(client),
            repo => $"without a token: pass the {ActionInputs.Token} input a token that can read {repo} to check it too");
        var check = await CheckoutConfig.CheckAsync(settings.Repository, checkout, bases, settings.ConfigPath, cancellationToken)
            ?? throw new ActionFailedException($"The workspace {settings.Workspace} has no {settings.ConfigPath}: check the repository out first (actions/checkout), or set the {ActionInputs.Config} input to the config file's path.");
        foreach (var problem in check.Problems)
        {
            commands.Annotate(problem, settings.Repository);
        }

        return check.Errors.Count == 0 ? check.Summary : throw new ActionFailedException(
            $"{check.Errors.Count} problem(s) found in {settings.ConfigPath} or the files it names, each annotated where it is; the app would use the built-in defaults for what is broken.");
    }
}
