using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Action;

/// <summary>What the runner and the inputs tell one run: the event, the repository, GitHub and where to report.</summary>
public sealed record ActionSettings
{
    public required string EventName { get; init; }

    /// <summary>The event payload file; null when the runner gave none (a scheduled run needs none).</summary>
    public required string? EventPath { get; init; }
    public required RepoRef Repository { get; init; }
    public required Uri ApiUrl { get; init; }
    public required Uri ServerUrl { get; init; }
    public required string? Token { get; init; }
    public required string ConfigPath { get; init; }
    public required ActionMode Mode { get; init; }
    public required bool DryRun { get; init; }

    /// <summary>The login the token writes as: only issues it opened hold incidents.</summary>
    public required string BotLogin { get; init; }

    /// <summary>Alertmanager's base URL for reconciliation on scheduled runs; null: no reconciliation.</summary>
    public required Uri? AlertmanagerUrl { get; init; }

    /// <summary>The receiver whose groups open incidents; null: every receiver's.</summary>
    public required string? AlertmanagerReceiver { get; init; }
    public required string? OutputPath { get; init; }
    public required string? SummaryPath { get; init; }

    /// <summary>The settings, or every problem with the environment, each saying how to fix it.</summary>
    public static (ActionSettings? Settings, IReadOnlyList<string> Problems) Load(Func<string, string?> environment)
    {
        var problems = new List<string>();
        string? Env(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var eventName = Env("GITHUB_EVENT_NAME");
        if (eventName is null)
        {
            problems.Add("GITHUB_EVENT_NAME is not set: run the program as a step of a GitHub Actions workflow, or set it to the event to handle");
        }

        if (!RepoRef.TryParse(Env("GITHUB_REPOSITORY"), out var repository))
        {
            problems.Add($"GITHUB_REPOSITORY '{Env("GITHUB_REPOSITORY")}' is not owner/name: the runner sets it; set it yourself when running elsewhere");
        }

        Uri? apiUrl = null;
        try
        {
            apiUrl = GitHubApiUrl.Resolve(null, Env("GITHUB_API_URL"));
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
        }

        var serverUrl = Uri.TryCreate(Env("GITHUB_SERVER_URL") ?? "https://github.com", UriKind.Absolute, out var server) ? server : new Uri("https://github.com");
        var dryRunText = ActionInputs.Read(environment, ActionInputs.DryRun);
        bool? dryRun = dryRunText is null ? false : bool.TryParse(dryRunText, out var parsed) ? parsed : null;
        if (dryRun is null)
        {
            problems.Add($"the {ActionInputs.DryRun} input '{dryRunText}' is not true or false");
        }

        var token = ActionInputs.Read(environment, ActionInputs.Token);
        if (token is null && dryRun != true)
        {
            problems.Add($"the {ActionInputs.Token} input is empty: leave it at its default (${{{{ github.token }}}}) or pass a token with 'issues: write', or set {ActionInputs.DryRun}: true");
        }

        var alertmanagerText = ActionInputs.Read(environment, ActionInputs.AlertmanagerUrl);
        Uri? alertmanagerUrl = null;
        if (alertmanagerText is not null && !(Uri.TryCreate(alertmanagerText, UriKind.Absolute, out alertmanagerUrl) && alertmanagerUrl.Scheme is "http" or "https"))
        {
            problems.Add($"the {ActionInputs.AlertmanagerUrl} input '{alertmanagerText}' is not an http(s) URL: give Alertmanager's base URL as the runner reaches it, such as http://alertmanager.monitoring:9093");
        }

        var (mode, modeProblem) = eventName is null ? (null, null) : ActionModes.Choose(ActionInputs.Read(environment, ActionInputs.Mode), eventName);
        if (modeProblem is not null)
        {
            problems.Add(modeProblem);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ActionSettings
        {
            EventName = eventName!,
            EventPath = Env("GITHUB_EVENT_PATH"),
            Repository = repository!,
            ApiUrl = apiUrl!,
            ServerUrl = serverUrl,
            Token = token,
            ConfigPath = ActionInputs.Read(environment, ActionInputs.Config) ?? IncidentConfig.FilePath,
            Mode = mode!.Value,
            DryRun = dryRun!.Value,
            BotLogin = ActionInputs.Read(environment, ActionInputs.BotLogin) ?? ActionInputs.WorkflowBotLogin,
            AlertmanagerUrl = alertmanagerUrl,
            AlertmanagerReceiver = ActionInputs.Read(environment, ActionInputs.AlertmanagerReceiver),
            OutputPath = Env("GITHUB_OUTPUT"),
            SummaryPath = Env("GITHUB_STEP_SUMMARY"),
        }, problems);
    }

    public string IssueUrl(RepoRef repo, int number) => new Uri(ServerUrl, $"{repo}/issues/{number}").AbsoluteUri;
}
