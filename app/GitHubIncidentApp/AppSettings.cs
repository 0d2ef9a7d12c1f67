using System.Globalization;
using System.Security.Cryptography;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp;

/// <summary>
/// The app's settings, under Probot's names, from environment variables, a <c>.env</c> file or
/// <c>appsettings.json</c>. Loading checks all of them and reports every problem at once.
/// </summary>
public sealed record AppSettings
{
    public const string DevFlag = "--dev";
    public const string DefaultWebhookPath = "/api/github/webhooks";
    private const string NotSet = "(not set)";

    public long? AppId { get; init; }
    public string? PrivateKeyPem { get; init; }
    public string? WebhookSecret { get; init; }
    public string WebhookPath { get; init; } = DefaultWebhookPath;
    public Uri GitHubApiUrl { get; init; } = Core.GitHub.GitHubApiUrl.Default;
    public int Port { get; init; } = 3000;
    public string Host { get; init; } = "0.0.0.0";
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
    public LogFormat LogFormat { get; init; } = LogFormat.Json;
    /// <summary>The tokens Alertmanager may present, each with the repositories it reaches (see <see cref="AlertmanagerTokenSettings"/>).</summary>
    public IReadOnlyList<AlertmanagerToken> AlertmanagerTokens { get; init; } = [];
    public RepoRef? DefaultRepo { get; init; }
    public string DataDir { get; init; } = "data";

    /// <summary>PostgreSQL, shared by several replicas (<c>postgres://user:password@host:port/database</c>); null keeps the data in SQLite in <see cref="DataDir"/>.</summary>
    public string? DatabaseUrl { get; init; }
    public bool DevMode { get; init; }

    /// <summary>Deliveries processed at once; those of one incident always go one at a time.</summary>
    public int Workers { get; init; } = DefaultWorkers;

    // Workers mostly wait on GitHub, so they cost little; one repository gets half (WorkerShares): 4 at once.
    public const int DefaultWorkers = 8;

    /// <summary>
    /// New issues and comments per installation in any sliding minute and hour, across every replica: GitHub.com's
    /// limits unless a GitHub Enterprise Server's admins set others.
    /// </summary>
    public ContentLimits ContentLimits { get; init; } = ContentLimits.GitHub;

    private const int MaxContentPerWindow = 1_000_000;
    /// <summary>The app only logs the GitHub operations it would apply: with <c>DRY_RUN=true</c>, or with <c>--dev</c> and no credentials (see <see cref="AppMode"/>).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The settings under their variable names, fit for a log: a record would print the private key, the webhook
    /// secret and the tokens, so those show only whether they are set (and the database without its password).
    /// </summary>
    public override string ToString() => string.Join(", ",
        $"mode {AppMode.Name(DryRun)}",
        $"APP_ID={AppId?.ToString(CultureInfo.InvariantCulture) ?? NotSet}",
        $"PRIVATE_KEY={Redacted(PrivateKeyPem)}",
        $"WEBHOOK_SECRET={Redacted(WebhookSecret)}",
        string.Join(", ", AlertmanagerTokens),
        $"WEBHOOK_PATH={WebhookPath}",
        $"GITHUB_API_URL={GitHubApiUrl}",
        $"HOST={Host}",
        $"PORT={Port.ToString(CultureInfo.InvariantCulture)}",
        $"LOG_LEVEL={LogLevel}",
        $"LOG_FORMAT={LogFormat.ToString().ToLowerInvariant()}",
        $"DEFAULT_REPO={DefaultRepo?.ToString() ?? NotSet}",
        $"DATA_DIR={DataDir}",
        $"DATABASE_URL={(DatabaseUrl is null ? NotSet : Core.Storage.PostgresUrl.Describe(Core.Storage.PostgresUrl.Parse(DatabaseUrl)))}",
        $"WORKERS={Workers.ToString(CultureInfo.InvariantCulture)}",
        $"CONTENT_PER_MINUTE={ContentLimits.PerMinute.ToString(CultureInfo.InvariantCulture)}",
        $"CONTENT_PER_HOUR={ContentLimits.PerHour.ToString(CultureInfo.InvariantCulture)}",
        $"dev mode {(DevMode ? "on" : "off")}");

    private static string Redacted(string? secret) => secret is null ? NotSet : $"(set, {secret.Length.ToString(CultureInfo.InvariantCulture)} chars)";

    private static readonly Dictionary<string, LogLevel> LogLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["warn"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["fatal"] = LogLevel.Critical,
    };

    public static (AppSettings? Settings, IReadOnlyList<string> Problems) Load(IConfiguration config, bool devMode)
    {
        var problems = new List<string>();
        string? Get(string name) => string.IsNullOrWhiteSpace(config[name]) ? null : config[name]!.Trim();

        var appId = ReadAppId(Get("APP_ID"), problems);
        var key = ReadPrivateKey(Get("PRIVATE_KEY"), Get("PRIVATE_KEY_PATH"), problems);
        var dryRun = AppMode.Read(config, devMode, problems);
        var defaultRepo = ReadDefaultRepo(Get("DEFAULT_REPO"), problems);

        var settings = new AppSettings
        {
            AppId = dryRun ? null : appId,
            PrivateKeyPem = dryRun ? null : key,
            DryRun = dryRun,
            WebhookSecret = Get("WEBHOOK_SECRET"),
            WebhookPath = ReadWebhookPath(Get("WEBHOOK_PATH"), problems),
            GitHubApiUrl = ReadApiUrl(Get("GHE_HOST"), Get("GITHUB_API_URL"), problems),
            Port = ReadNumber("PORT", Get("PORT"), 0, 65535, 3000, "is not a TCP port", problems),
            Host = Get("HOST") ?? (devMode ? "127.0.0.1" : "0.0.0.0"),
            LogLevel = ReadLogLevel(Get("LOG_LEVEL"), problems),
            LogFormat = LogFormatSetting.Read(Get("LOG_FORMAT"), devMode, problems),
            AlertmanagerTokens = AlertmanagerTokenSettings.Read(config, devMode, defaultRepo, problems),
            DefaultRepo = defaultRepo,
            DataDir = Get("DATA_DIR") ?? "data",
            DatabaseUrl = ReadDatabaseUrl(Get("DATABASE_URL"), dryRun, problems),
            DevMode = devMode,
            Workers = ReadNumber("WORKERS", Get("WORKERS"), 1, 64, DefaultWorkers, "is not a number of inbox workers", problems),
            ContentLimits = new ContentLimits(
                ReadNumber("CONTENT_PER_MINUTE", Get("CONTENT_PER_MINUTE"), 1, MaxContentPerWindow, ContentLimits.GitHubPerMinute, "is not a number of new issues and comments per minute", problems),
                ReadNumber("CONTENT_PER_HOUR", Get("CONTENT_PER_HOUR"), 1, MaxContentPerWindow, ContentLimits.GitHubPerHour, "is not a number of new issues and comments per hour", problems)),
        };
        return problems.Count == 0 ? (settings, problems) : (null, problems);
    }

    private static string? ReadDatabaseUrl(string? text, bool dryRun, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            PostgresUrl.Parse(text);
        }
        catch (FormatException ex)
        {
            problems.Add(ex.Message);
            return null;
        }

        if (dryRun)
        {
            problems.Add("DATABASE_URL is set but the app would only dry-run (DRY_RUN=true, or --dev without APP_ID and PRIVATE_KEY): a dry run keeps its made-up issues in a throwaway SQLite file, never in a shared database. Set APP_ID and PRIVATE_KEY, or unset DATABASE_URL");
            return null;
        }

        return text;
    }

    private static long? ReadAppId(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        problems.Add($"APP_ID \"{text}\" is not a GitHub App id: use the number shown as 'App ID' on the app's settings page");
        return null;
    }

    private static string? ReadPrivateKey(string? inline, string? path, List<string> problems)
    {
        if (inline is not null && path is not null)
        {
            problems.Add("PRIVATE_KEY and PRIVATE_KEY_PATH are both set: keep one");
            return null;
        }

        string pem;
        string source;
        if (inline is not null)
        {
            // Probot accepts the key on one line with escaped newlines, as many secret stores keep it.
            pem = inline.Replace("\\n", "\n", StringComparison.Ordinal);
            source = "PRIVATE_KEY";
        }
        else if (path is not null)
        {
            try
            {
                pem = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"PRIVATE_KEY_PATH \"{path}\" cannot be read ({ex.Message}): point it at the .pem file downloaded from the GitHub App's settings page");
                return null;
            }

            source = $"PRIVATE_KEY_PATH \"{path}\"";
        }
        else
        {
            return null;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return pem;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            problems.Add($"{source} is not an RSA private key in PEM form (PKCS#1 'BEGIN RSA PRIVATE KEY' or PKCS#8 'BEGIN PRIVATE KEY'): {ex.Message}");
            return null;
        }
    }

    private static string ReadWebhookPath(string? text, List<string> problems)
    {
        // '{' and '}' would make a route parameter of it; '?', '#' and spaces never reach a path.
        if (text is null || (text.StartsWith('/') && text.IndexOfAny(['{', '}', '?', '#', ' ']) < 0))
        {
            return text ?? DefaultWebhookPath;
        }

        problems.Add($"WEBHOOK_PATH \"{text}\" is not a URL path: start it with '/', leave out '?', '#', '{{', '}}' and spaces; use the path of the GitHub App's webhook URL, such as {DefaultWebhookPath}");
        return DefaultWebhookPath;
    }

    private static Uri ReadApiUrl(string? gheHost, string? apiUrl, List<string> problems)
    {
        try
        {
            return Core.GitHub.GitHubApiUrl.Resolve(gheHost, apiUrl);
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
            return Core.GitHub.GitHubApiUrl.Default;
        }
    }

    private static int ReadNumber(string name, string? text, int min, int max, int fallback, string what, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add($"{name} \"{text}\" {what}: use a number from {Math.Max(min, 1)} to {max} (default {fallback})");
        return fallback;
    }

    private static LogLevel ReadLogLevel(string? text, List<string> problems)
    {
        if (text is null)
        {
            return LogLevel.Information;
        }

        if (LogLevels.TryGetValue(text, out var level))
        {
            return level;
        }

        problems.Add($"LOG_LEVEL \"{text}\" is not a log level: use one of {string.Join(", ", LogLevels.Keys)}");
        return LogLevel.Information;
    }

    private static RepoRef? ReadDefaultRepo(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        var (repo, problem) = RepoRef.Parse(text);
        if (problem is not null)
        {
            problems.Add($"DEFAULT_REPO \"{text}\" is not a repository: {problem}; use owner/name, such as operate-first/incidents");
        }

        return repo;
    }
}
