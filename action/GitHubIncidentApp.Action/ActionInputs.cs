namespace GitHubIncidentApp.Action;

/// <summary>
/// The inputs <c>action.yml</c> declares, and the only place the program names <c>INPUT_*</c>
/// (a test checks both agree). GitHub passes input <c>x-y</c> as <c>INPUT_X-Y</c>, hyphens kept.
/// </summary>
public static class ActionInputs
{
    public const string Token = "token";
    public const string Config = "config";
    public const string Mode = "mode";
    public const string AlertmanagerUrl = "alertmanager-url";
    public const string AlertmanagerReceiver = "alertmanager-receiver";
    public const string AlertmanagerToken = "alertmanager-token";
    public const string DryRun = "dry-run";
    public const string BotLogin = "bot-login";

    /// <summary>Whom the workflow's own token writes as; the <see cref="BotLogin"/> input's default.</summary>
    public const string WorkflowBotLogin = "github-actions[bot]";

    public static IReadOnlyList<string> All { get; } = [Token, Config, Mode, AlertmanagerUrl, AlertmanagerReceiver, AlertmanagerToken, DryRun, BotLogin];

    public static string VariableName(string input) => "INPUT_" + input.ToUpperInvariant();
}
