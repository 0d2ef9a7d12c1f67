using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Options;

namespace GitHubIncidentApp.Action;

/// <summary>
/// What the runner and the inputs tell one run: the event, the repository, GitHub and where to report. Read from
/// <see cref="ActionVariables"/>; <see cref="Load"/> builds them, from variables its validator passed.
/// </summary>
public sealed class ActionSettings(ActionVariables variables)
{
    public string EventName { get; } = variables.EventName!;

    /// <summary>The event payload file; null when the runner gave none (a scheduled run needs none).</summary>
    public string? EventPath { get; } = variables.EventPath;
    public RepoRef Repository { get; } = RepoRef.Parse(variables.Repository).Repo!;
    public Uri ApiUrl { get; } = GitHubApiUrl.Resolve(null, variables.ApiUrl);
    public Uri ServerUrl { get; } = Uri.TryCreate(variables.ServerUrl, UriKind.Absolute, out var server) ? server : new Uri("https://github.com");
    public string? Token { get; } = variables.Token;
    public string ConfigPath { get; } = variables.ConfigPath;
    public ActionMode Mode { get; } = ActionModes.Choose(variables.Mode, variables.EventName!).Mode!.Value;
    public bool DryRun { get; } = DryRunOf(variables.DryRun) == true;

    /// <summary>The login the token writes as: only issues it opened hold incidents.</summary>
    public string BotLogin { get; } = variables.BotLogin;

    /// <summary>Alertmanager's API for reconciliation on scheduled runs and for <c>/silence</c>; null: neither.</summary>
    public AlertmanagerEndpoint? Alertmanager { get; } =
        AlertmanagerEndpoint.ParseUrl(variables.AlertmanagerUrl) is { } url ? new AlertmanagerEndpoint(url, variables.AlertmanagerToken) : null;

    /// <summary>What <c>/silence</c> answers without <see cref="Alertmanager"/>.</summary>
    public const string SilencesOff =
        $"the workflow does not set the {ActionInputs.AlertmanagerUrl} input: the Action makes silences only when it knows Alertmanager's base URL as the runner reaches it (a self-hosted runner inside the cluster), and {ActionInputs.AlertmanagerToken} when Alertmanager wants a bearer token";

    /// <summary>The receiver whose groups open incidents; null: every receiver's.</summary>
    public string? AlertmanagerReceiver { get; } = variables.AlertmanagerReceiver;
    public string? OutputPath { get; } = variables.OutputPath;
    public string? SummaryPath { get; } = variables.SummaryPath;

    /// <summary>The checked-out repository the validate mode reads; set in that mode.</summary>
    public string? Workspace { get; } = variables.Workspace;

    /// <summary>The settings, or every problem with the environment, each saying how to fix it.</summary>
    public static (ActionSettings? Settings, IReadOnlyList<string> Problems) Load(Func<string, string?> environment)
    {
        var (variables, problems) = HostSettings.Bind(
            name => environment(ActionInputs.All.Contains(name) ? ActionInputs.VariableName(name) : name), new Validator());
        return (variables is null ? null : new ActionSettings(variables), problems);
    }

    public string IssueUrl(RepoRef repo, int number) => new Uri(ServerUrl, $"{repo}/issues/{number}").AbsoluteUri;

    /// <summary>The dry-run input: unset is false; null when it is neither true nor false.</summary>
    private static bool? DryRunOf(string? text) => text is null ? false : bool.TryParse(text, out var dryRun) ? dryRun : null;

    /// <summary>Every problem with the environment, each saying how to fix it.</summary>
    private sealed class Validator : IValidateOptions<ActionVariables>
    {
        public ValidateOptionsResult Validate(string? name, ActionVariables options) => HostSettings.Result(
        [
            options.EventName is null ? "GITHUB_EVENT_NAME is not set: run the program as a step of a GitHub Actions workflow, or set it to the event to handle" : null,
            RepoRef.TryParse(options.Repository, out _) ? null : $"GITHUB_REPOSITORY '{options.Repository}' is not owner/name: the runner sets it; set it yourself when running elsewhere",
            HostSettings.ProblemOf(() => GitHubApiUrl.Resolve(null, options.ApiUrl)),
            DryRunOf(options.DryRun) is null ? $"the {ActionInputs.DryRun} input '{options.DryRun}' is not true or false" : null,
            options.Token is null && DryRunOf(options.DryRun) != true && ModeOf(options) != ActionMode.Validate
                ? $"the {ActionInputs.Token} input is empty: leave it at its default (${{{{ github.token }}}}) or pass a token with 'issues: write', or set {ActionInputs.DryRun}: true"
                : null,
            options.Workspace is null && ModeOf(options) == ActionMode.Validate
                ? $"GITHUB_WORKSPACE is not set: the runner sets it to the checked-out repository, which the {ActionModes.Name(ActionMode.Validate)} mode checks; set it yourself when running elsewhere"
                : null,
            options.AlertmanagerUrl is not null && AlertmanagerEndpoint.ParseUrl(options.AlertmanagerUrl) is null
                ? $"the {ActionInputs.AlertmanagerUrl} input '{options.AlertmanagerUrl}' is not an http(s) URL: give Alertmanager's base URL as the runner reaches it, such as {AlertmanagerEndpoint.ExampleUrl}"
                : null,
            options.AlertmanagerToken is not null && options.AlertmanagerUrl is null
                ? $"the {ActionInputs.AlertmanagerToken} input is set but {ActionInputs.AlertmanagerUrl} is not: the token is what the run presents to Alertmanager's API; set {ActionInputs.AlertmanagerUrl}, or remove the token"
                : null,
            options.EventName is null ? null : ActionModes.Choose(options.Mode, options.EventName).Problem,
        ]);

        private static ActionMode? ModeOf(ActionVariables options) => options.EventName is null ? null : ActionModes.Choose(options.Mode, options.EventName).Mode;
    }
}
