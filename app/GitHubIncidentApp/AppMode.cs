using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp;

/// <summary>
/// Live (as the GitHub App or with a token) or dry run, chosen on purpose: outside <c>--dev</c> the app runs live with
/// complete GitHub App credentials or a token (<c>GITHUB_TOKEN</c>, never both), or dry with <c>DRY_RUN=true</c>, never
/// dry because a name was misspelled. Without <c>--dev</c> and with none of those variables (nor <c>DRY_RUN</c>, nor
/// a name close to one) even declared, the app has not been registered yet: it serves the setup page instead.
/// </summary>
public static class AppMode
{
    public const string DryRunSetting = "DRY_RUN";
    public const string TokenSetting = "GITHUB_TOKEN";
    public const string DryRunName = "dry-run";
    public const string LiveName = "live";
    public const string TokenName = "token";
    public const string SetupName = "setup";
    private const string WebhookSecretSetting = "WEBHOOK_SECRET";

    // Every name that says the operator meant to give credentials or choose a mode: declared (even empty), or a near
    // miss of one, they keep the app out of setup and any missing one is a start-up problem.
    private static readonly string[] ModeNames = ["APP_ID", "PRIVATE_KEY", "PRIVATE_KEY_PATH", WebhookSecretSetting, TokenSetting, DryRunSetting];

    private static readonly (string Name, string[] Any, string Fix)[] Credentials =
    [
        ("APP_ID", ["APP_ID"], "set it to the GitHub App's id (shown as 'App ID' on its settings page)"),
        ("PRIVATE_KEY or PRIVATE_KEY_PATH", ["PRIVATE_KEY", "PRIVATE_KEY_PATH"], "give the app's private key (the .pem file downloaded from its settings page)"),
    ];

    /// <summary>"dry-run", "live" (the GitHub App) or "token", as <c>/healthz</c> and the metrics name the mode.</summary>
    public static string Name(RunMode mode) => mode switch
    {
        RunMode.DryRun => DryRunName,
        RunMode.Token => TokenName,
        RunMode.Setup => SetupName,
        _ => LiveName,
    };

    /// <summary>
    /// How the app reaches GitHub, and a problem per credential it lacks where it must run live, each with the name
    /// of a set variable that looks like a typo of it, and per other setting it must have. Read from the whole
    /// configuration, not the bound <see cref="AppVariables"/>: a typo is a name nobody declared.
    /// </summary>
    public static (RunMode Mode, IReadOnlyList<string> Problems) Read(IConfiguration config, bool devMode)
    {
        var problems = new List<string>();
        bool Has(string name) => !string.IsNullOrWhiteSpace(config[name]);
        var declared = config.GetChildren().ToList();
        var setNames = declared.Where(child => !string.IsNullOrWhiteSpace(child.Value)).Select(child => child.Key).ToList();
        // An empty value (NAME=) is declared; a null one is a name a layer above masked (as tests mask the shell's).
        if (!devMode && IsUnregistered(declared.Where(child => child.Value is not null).Select(child => child.Key).ToList()))
        {
            return (RunMode.Setup, problems);
        }

        bool? dryRun = config[DryRunSetting]?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            var text => Refuse($"{DryRunSetting} \"{text}\" is not true or false: set {DryRunSetting}=true to only log what the app would do on GitHub, or leave it out"),
        };

        var appGiven = Credentials.SelectMany(credential => credential.Any).Where(Has).ToList();
        var tokenGiven = Has(TokenSetting);

        // Token mode takes commands from repository webhooks too, and must verify them as the App does.
        if (!devMode && !Has(WebhookSecretSetting))
        {
            problems.Add(Missing(WebhookSecretSetting, [WebhookSecretSetting], tokenGiven && appGiven.Count == 0
                ? $"token mode takes commands from repository (or organisation) webhooks and accepts only signed ones: set it to a random secret (openssl rand -hex 32) and give the same secret to each webhook (or start with {AppSettings.DevFlag} to try the app locally)"
                : $"set it to the GitHub App's webhook secret (or start with {AppSettings.DevFlag} to try the app locally)"));
        }

        // --dev without App credentials dry-runs; an App credential given (or DRY_RUN=false) asks for all of them. A
        // GITHUB_TOKEN alone does not: many shells export one for other tools, and --dev must never write with it unasked.
        if (dryRun == true || (devMode && dryRun is null && appGiven.Count == 0))
        {
            return (RunMode.DryRun, problems);
        }

        if (tokenGiven)
        {
            if (appGiven.Count > 0)
            {
                problems.Add($"{TokenSetting} and the GitHub App's {string.Join(" and ", appGiven)} are both set: choose one, unset {TokenSetting} to run as the GitHub App, or unset {string.Join(" and ", appGiven)} to run with the token (token mode)");
            }

            return (RunMode.Token, problems);
        }

        var missing = Credentials.Where(credential => !credential.Any.Any(Has)).ToList();
        foreach (var (name, any, fix) in missing)
        {
            problems.Add(Missing(name, any, fix));
        }

        if (missing.Count > 0)
        {
            var tokenTypo = NearestName.Find(TokenSetting, setNames);
            problems.Add($"the app runs live only with APP_ID and a private key (a GitHub App) or with {TokenSetting} (token mode): check the names above for typos, or set {DryRunSetting}=true to run without them and only log what it would do on GitHub"
                + (tokenTypo is null ? "" : $"; '{tokenTypo}' is set: is it a misspelling of {TokenSetting}?"));
        }

        return (RunMode.App, problems);

        bool? Refuse(string problem)
        {
            problems.Add(problem);
            return null;
        }

        string Missing(string name, string[] any, string fix)
        {
            var nearest = any.Select(wanted => NearestName.Find(wanted, setNames.Where(set => !any.Contains(set, StringComparer.OrdinalIgnoreCase)))).FirstOrDefault(found => found is not null);
            return $"{name} is not set: {fix}" + (nearest is null ? "" : $"; '{nearest}' is set: is it a misspelling of {any[0]}?");
        }
    }

    private static bool IsUnregistered(IReadOnlyList<string> declaredNames) =>
        !ModeNames.Any(name => NearestName.Find(name, declaredNames) is not null);
}
