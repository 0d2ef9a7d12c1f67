using GitHubIncidentApp.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Action;

/// <summary>
/// What the runner and the workflow's inputs give one run, as text: the options the configuration binder fills from
/// the environment and <see cref="ActionSettings"/> checks and reads. Inputs go by their names in <c>action.yml</c>.
/// </summary>
public sealed class ActionVariables
{
    [ConfigurationKeyName("GITHUB_EVENT_NAME")] public string? EventName { get; set; }
    [ConfigurationKeyName("GITHUB_EVENT_PATH")] public string? EventPath { get; set; }
    [ConfigurationKeyName("GITHUB_REPOSITORY")] public string? Repository { get; set; }
    [ConfigurationKeyName("GITHUB_API_URL")] public string? ApiUrl { get; set; }
    [ConfigurationKeyName("GITHUB_SERVER_URL")] public string ServerUrl { get; set; } = "https://github.com";
    [ConfigurationKeyName("GITHUB_OUTPUT")] public string? OutputPath { get; set; }
    [ConfigurationKeyName("GITHUB_STEP_SUMMARY")] public string? SummaryPath { get; set; }
    [ConfigurationKeyName("GITHUB_WORKSPACE")] public string? Workspace { get; set; }
    [ConfigurationKeyName(ActionInputs.Token)] public string? Token { get; set; }
    [ConfigurationKeyName(ActionInputs.Config)] public string ConfigPath { get; set; } = IncidentConfig.FilePath;
    [ConfigurationKeyName(ActionInputs.Mode)] public string? Mode { get; set; }
    [ConfigurationKeyName(ActionInputs.DryRun)] public string? DryRun { get; set; }
    [ConfigurationKeyName(ActionInputs.BotLogin)] public string BotLogin { get; set; } = ActionInputs.WorkflowBotLogin;
    [ConfigurationKeyName(ActionInputs.AlertmanagerUrl)] public string? AlertmanagerUrl { get; set; }
    [ConfigurationKeyName(ActionInputs.AlertmanagerReceiver)] public string? AlertmanagerReceiver { get; set; }
    [ConfigurationKeyName(ActionInputs.AlertmanagerToken)] public string? AlertmanagerToken { get; set; }
}
