using System.Globalization;
using System.Security.Cryptography;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Options;

namespace GitHubIncidentApp;

/// <summary>
/// The app's settings: <see cref="AppVariables"/> bound from the configuration and checked all at once (every
/// problem a line naming the variable and how to fix it), then read into typed values, with the defaults and the
/// mode decided. <see cref="Load"/> builds them, from variables its validator passed.
/// </summary>
public sealed class AppSettings(AppVariables variables, IConfiguration configuration, bool devMode)
{
    public const string DevFlag = "--dev";
    public const string DefaultWebhookPath = "/api/github/webhooks";
    public const int DefaultPort = 3000;
    public const string AlertmanagerUrlSetting = "ALERTMANAGER_URL";
    public const string AlertmanagerApiTokenSetting = "ALERTMANAGER_API_TOKEN";
    public const string MaintenanceSilenceScopeSetting = "MAINTENANCE_SILENCE_SCOPE";

    // Workers mostly wait on GitHub, so they cost little; one repository gets half (WorkerShares): 4 at once.
    public const int DefaultWorkers = 8;
    private const int MaxContentPerWindow = 1_000_000;
    private const string NotSet = "(not set)";

    private static readonly Number PortNumber = new("PORT", 0, 65535, DefaultPort, "is not a TCP port");
    private static readonly Number WorkersNumber = new("WORKERS", 1, 64, DefaultWorkers, "is not a number of inbox workers");
    private static readonly Number PerMinuteNumber = new("CONTENT_PER_MINUTE", 1, MaxContentPerWindow, ContentLimits.GitHubPerMinute, "is not a number of new issues and comments per minute");
    private static readonly Number PerHourNumber = new("CONTENT_PER_HOUR", 1, MaxContentPerWindow, ContentLimits.GitHubPerHour, "is not a number of new issues and comments per hour");

    private static readonly Dictionary<string, LogLevel> LogLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["warn"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["fatal"] = LogLevel.Critical,
    };

    private readonly long? _appId = AppIdOf(variables.AppId).Id;
    private readonly string? _privateKeyPem = PrivateKeyOf(variables).Pem;
    private readonly string? _gitHubToken = variables.GitHubToken;

    /// <summary>How the app reaches GitHub: as the GitHub App, with a token, or not at all (see <see cref="AppMode"/>).</summary>
    public RunMode Mode { get; } = AppMode.Read(configuration, devMode).Mode;

    /// <summary>The app only logs the GitHub operations it would apply: with <c>DRY_RUN=true</c>, or with <c>--dev</c> and no credentials.</summary>
    public bool DryRun => Mode == RunMode.DryRun;
    public bool DevMode { get; } = devMode;
    public long? AppId => Mode == RunMode.App ? _appId : null;
    public string? PrivateKeyPem => Mode == RunMode.App ? _privateKeyPem : null;

    /// <summary>The token every GitHub call is made with in token mode; null in the other modes.</summary>
    public string? GitHubToken => Mode == RunMode.Token ? _gitHubToken : null;
    public string? WebhookSecret { get; } = variables.WebhookSecret;
    public string WebhookPath { get; } = variables.WebhookPath;
    public Uri GitHubApiUrl { get; } = Core.GitHub.GitHubApiUrl.Resolve(variables.GheHost, variables.GitHubApiUrl);
    public int Port { get; } = PortNumber.Of(variables.Port);
    public string Host { get; } = variables.Host ?? (devMode ? "127.0.0.1" : "0.0.0.0");
    public LogLevel LogLevel { get; } = LogLevelOf(variables.LogLevel).Level;
    public LogFormat LogFormat { get; } = LogFormatSetting.Read(variables.LogFormat, devMode).Format;
    public RepoRef? DefaultRepo { get; } = DefaultRepoOf(variables.DefaultRepo).Repo;

    /// <summary>The tokens Alertmanager may present, each with the repositories it reaches (see <see cref="AlertmanagerTokenSettings"/>).</summary>
    public IReadOnlyList<AlertmanagerToken> AlertmanagerTokens { get; } = AlertmanagerTokenSettings.Read(configuration, devMode, DefaultRepoOf(variables.DefaultRepo).Repo, DevFlag).Tokens;
    public string DataDir { get; } = variables.DataDir;

    /// <summary>Alertmanager's API, where <c>/silence</c> makes silences (with the token the app presents to it); null: no silences.</summary>
    public AlertmanagerEndpoint? Alertmanager { get; } =
        AlertmanagerEndpoint.ParseUrl(variables.AlertmanagerUrl) is { } url ? new AlertmanagerEndpoint(url, variables.AlertmanagerApiToken) : null;

    /// <summary>
    /// What the repositories' maintenance windows may silence in <see cref="Alertmanager"/>: by default only alerts whose
    /// <c>repo</c> label names the repository (a bare name under DEFAULT_REPO's owner too), as a repository's config is
    /// written by its own people and one Alertmanager may serve many repositories.
    /// </summary>
    public MaintenanceScope MaintenanceScope { get; } =
        new(Core.Maintenance.MaintenanceScope.Parse(variables.MaintenanceSilenceScope) ?? MaintenanceSilenceScope.RepoLabel, DefaultRepoOf(variables.DefaultRepo).Repo?.Owner);

    /// <summary>What <c>/silence</c> answers when <see cref="Alertmanager"/> is not set.</summary>
    public const string SilencesOff =
        $"the operator has not set {AlertmanagerUrlSetting}: the app makes silences only when it knows Alertmanager's base URL (and {AlertmanagerApiTokenSetting} when Alertmanager wants a bearer token)";

    /// <summary>PostgreSQL, shared by several replicas (<c>postgres://user:password@host:port/database</c>); null keeps the data in SQLite in <see cref="DataDir"/>.</summary>
    public string? DatabaseUrl { get; } = variables.DatabaseUrl;

    /// <summary>Deliveries processed at once; those of one incident always go one at a time.</summary>
    public int Workers { get; } = WorkersNumber.Of(variables.Workers);

    /// <summary>
    /// New issues and comments per installation in any sliding minute and hour, across every replica: GitHub.com's
    /// limits unless a GitHub Enterprise Server's admins set others.
    /// </summary>
    public ContentLimits ContentLimits { get; } = new(PerMinuteNumber.Of(variables.ContentPerMinute), PerHourNumber.Of(variables.ContentPerHour));

    /// <summary>The key of the on-call calendar feeds' URL tokens (see <see cref="FeedToken"/>); null: no feeds.</summary>
    public string? FeedSecret { get; } = variables.FeedSecret;

    /// <summary>The settings from <paramref name="configuration"/>, or every problem with them, one line each.</summary>
    public static (AppSettings? Settings, IReadOnlyList<string> Problems) Load(IConfiguration configuration, bool devMode)
    {
        var (variables, problems) = HostSettings.Bind(name => configuration[name], new Validator(configuration, devMode));
        return (variables is null ? null : new AppSettings(variables, configuration, devMode), problems);
    }

    /// <summary>
    /// The settings under their variable names, fit for a log: the private key, the webhook secret and the tokens
    /// show only whether they are set (and the database without its password).
    /// </summary>
    public override string ToString() => string.Join(", ",
        $"mode {AppMode.Name(Mode)}",
        $"APP_ID={AppId?.ToString(CultureInfo.InvariantCulture) ?? NotSet}",
        $"PRIVATE_KEY={Redacted(PrivateKeyPem)}",
        $"GITHUB_TOKEN={Redacted(GitHubToken)}",
        $"WEBHOOK_SECRET={Redacted(WebhookSecret)}",
        string.Join(", ", AlertmanagerTokens),
        $"{AlertmanagerUrlSetting}={Alertmanager?.Url.AbsoluteUri ?? NotSet}",
        $"{AlertmanagerApiTokenSetting}={Redacted(Alertmanager?.BearerToken)}",
        $"{MaintenanceSilenceScopeSetting}={Core.Maintenance.MaintenanceScope.Name(MaintenanceScope.Scope)}",
        $"WEBHOOK_PATH={WebhookPath}",
        $"GITHUB_API_URL={GitHubApiUrl}",
        $"HOST={Host}",
        $"PORT={Port.ToString(CultureInfo.InvariantCulture)}",
        $"LOG_LEVEL={LogLevel}",
        $"LOG_FORMAT={LogFormat.ToString().ToLowerInvariant()}",
        $"DEFAULT_REPO={DefaultRepo?.ToString() ?? NotSet}",
        $"DATA_DIR={DataDir}",
        $"DATABASE_URL={(DatabaseUrl is null ? NotSet : PostgresUrl.Describe(PostgresUrl.Parse(DatabaseUrl)))}",
        $"WORKERS={Workers.ToString(CultureInfo.InvariantCulture)}",
        $"CONTENT_PER_MINUTE={ContentLimits.PerMinute.ToString(CultureInfo.InvariantCulture)}",
        $"CONTENT_PER_HOUR={ContentLimits.PerHour.ToString(CultureInfo.InvariantCulture)}",
        $"{FeedToken.Setting}={Redacted(FeedSecret)}",
        $"dev mode {(DevMode ? "on" : "off")}");

    private static string Redacted(string? secret) => secret is null ? NotSet : $"(set, {secret.Length.ToString(CultureInfo.InvariantCulture)} chars)";

    private static (long? Id, string? Problem) AppIdOf(string? text) =>
        text is null ? (null, null)
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? (id, null)
        : (null, $"APP_ID \"{text}\" is not a GitHub App id: use the number shown as 'App ID' on the app's settings page");

    private static (string? Pem, string? Problem) PrivateKeyOf(AppVariables variables)
    {
        var (inline, path) = (variables.PrivateKey, variables.PrivateKeyPath);
        if (inline is not null && path is not null)
        {
            return (null, "PRIVATE_KEY and PRIVATE_KEY_PATH are both set: keep one");
        }

        try
        {
            // Probot accepts the key on one line with escaped newlines, as many secret stores keep it.
            var pem = inline?.Replace("\\n", "\n", StringComparison.Ordinal) ?? (path is null ? null : File.ReadAllText(path));
            if (pem is not null)
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
            }

            return (pem, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"PRIVATE_KEY_PATH \"{path}\" cannot be read ({ex.Message}): point it at the .pem file downloaded from the GitHub App's settings page");
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            var source = inline is null ? $"PRIVATE_KEY_PATH \"{path}\"" : "PRIVATE_KEY";
            return (null, $"{source} is not an RSA private key in PEM form (PKCS#1 'BEGIN RSA PRIVATE KEY' or PKCS#8 'BEGIN PRIVATE KEY'): {ex.Message}");
        }
    }

    private static (LogLevel Level, string? Problem) LogLevelOf(string? text) =>
        text is null ? (LogLevel.Information, null)
        : LogLevels.TryGetValue(text, out var level) ? (level, null)
        : (LogLevel.Information, $"LOG_LEVEL \"{text}\" is not a log level: use one of {string.Join(", ", LogLevels.Keys)}");

    private static (RepoRef? Repo, string? Problem) DefaultRepoOf(string? text) => text is null ? (null, null) : RepoRef.Parse(text) switch
    {
        (_, { } problem) => (null, $"DEFAULT_REPO \"{text}\" is not a repository: {problem}; use owner/name, such as operate-first/incidents"),
        var parsed => parsed,
    };

    // '{' and '}' would make a route parameter of it; '?', '#' and spaces never reach a path.
    private static string? WebhookPathProblem(string path) =>
        path.StartsWith('/') && path.IndexOfAny(['{', '}', '?', '#', ' ']) < 0
            ? null
            : $"WEBHOOK_PATH \"{path}\" is not a URL path: start it with '/', leave out '?', '#', '{{', '}}' and spaces; use the path of the GitHub App's webhook URL, such as {DefaultWebhookPath}";

    private static string? DatabaseUrlProblem(string? url, bool dryRun) =>
        url is null ? null
        : HostSettings.ProblemOf(() => PostgresUrl.Parse(url))
            ?? (dryRun ? "DATABASE_URL is set but the app would only dry-run (DRY_RUN=true, or --dev without APP_ID and PRIVATE_KEY or GITHUB_TOKEN): a dry run keeps its made-up issues in a throwaway SQLite file, never in a shared database. Set APP_ID and PRIVATE_KEY (or GITHUB_TOKEN), or unset DATABASE_URL" : null);

    private static string? AlertmanagerProblem(AppVariables variables) =>
        variables.AlertmanagerUrl is { } text && AlertmanagerEndpoint.ParseUrl(text) is null
            ? $"{AlertmanagerUrlSetting} \"{text}\" is not an http(s) URL: give Alertmanager's base URL as the app reaches it, such as {AlertmanagerEndpoint.ExampleUrl}"
            : variables.AlertmanagerApiToken is not null && variables.AlertmanagerUrl is null
            ? $"{AlertmanagerApiTokenSetting} is set but {AlertmanagerUrlSetting} is not: the token is what the app presents to Alertmanager's API; set {AlertmanagerUrlSetting}, or remove the token"
            : null;

    private static string? MaintenanceScopeProblem(string? text) =>
        Core.Maintenance.MaintenanceScope.Parse(text) is null
            ? $"{MaintenanceSilenceScopeSetting} \"{text}\" is not a scope: use repo-label (the default: a repository's maintenance windows silence only alerts whose repo label names it), all (every repository's windows are trusted: one team per Alertmanager) or off (no silences)"
            : null;

    /// <summary>A whole number in a variable, with its range and default.</summary>
    private sealed record Number(string Name, int Min, int Max, int Default, string What)
    {
        public int Of(string? text) => text is null ? Default : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

        public string? Problem(string? text) =>
            text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max)
                ? null
                : $"{Name} \"{text}\" {What}: use a number from {Math.Max(Min, 1)} to {Max} (default {Default})";
    }

    /// <summary>Every problem with the variables, each naming the variable and how to fix it.</summary>
    private sealed class Validator(IConfiguration configuration, bool devMode) : IValidateOptions<AppVariables>
    {
        public ValidateOptionsResult Validate(string? name, AppVariables options)
        {
            var mode = AppMode.Read(configuration, devMode);
            var defaultRepo = DefaultRepoOf(options.DefaultRepo);
            return HostSettings.Result(
            [
                AppIdOf(options.AppId).Problem,
                PrivateKeyOf(options).Problem,
                .. mode.Problems,
                defaultRepo.Problem,
                WebhookPathProblem(options.WebhookPath),
                HostSettings.ProblemOf(() => Core.GitHub.GitHubApiUrl.Resolve(options.GheHost, options.GitHubApiUrl)),
                PortNumber.Problem(options.Port),
                LogLevelOf(options.LogLevel).Problem,
                LogFormatSetting.Read(options.LogFormat, devMode).Problem,
                .. AlertmanagerTokenSettings.Read(configuration, devMode, defaultRepo.Repo, DevFlag).Problems,
                AlertmanagerProblem(options),
                MaintenanceScopeProblem(options.MaintenanceSilenceScope),
                DatabaseUrlProblem(options.DatabaseUrl, mode.Mode == RunMode.DryRun),
                WorkersNumber.Problem(options.Workers),
                PerMinuteNumber.Problem(options.ContentPerMinute),
                PerHourNumber.Problem(options.ContentPerHour),
                FeedToken.SecretProblem(options.FeedSecret),
            ]);
        }
    }
}
