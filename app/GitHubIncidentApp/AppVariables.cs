namespace GitHubIncidentApp;

/// <summary>
/// The app's variables as given, under Probot's names: the options the configuration binder fills and
/// <see cref="AppSettings"/> checks and reads.
/// </summary>
public sealed class AppVariables
{
    [ConfigurationKeyName("APP_ID")] public string? AppId { get; set; }
    [ConfigurationKeyName("PRIVATE_KEY")] public string? PrivateKey { get; set; }
    [ConfigurationKeyName("PRIVATE_KEY_PATH")] public string? PrivateKeyPath { get; set; }
    [ConfigurationKeyName(AppMode.TokenSetting)] public string? GitHubToken { get; set; }
    [ConfigurationKeyName("WEBHOOK_SECRET")] public string? WebhookSecret { get; set; }
    [ConfigurationKeyName("WEBHOOK_PATH")] public string WebhookPath { get; set; } = AppSettings.DefaultWebhookPath;
    [ConfigurationKeyName("GHE_HOST")] public string? GheHost { get; set; }
    [ConfigurationKeyName("GITHUB_API_URL")] public string? GitHubApiUrl { get; set; }
    [ConfigurationKeyName("PORT")] public string? Port { get; set; }
    [ConfigurationKeyName("HOST")] public string? Host { get; set; }
    [ConfigurationKeyName("LOG_LEVEL")] public string? LogLevel { get; set; }
    [ConfigurationKeyName("LOG_FORMAT")] public string? LogFormat { get; set; }
    [ConfigurationKeyName("DEFAULT_REPO")] public string? DefaultRepo { get; set; }
    [ConfigurationKeyName(AppSettings.AlertmanagerUrlSetting)] public string? AlertmanagerUrl { get; set; }
    [ConfigurationKeyName(AppSettings.AlertmanagerApiTokenSetting)] public string? AlertmanagerApiToken { get; set; }
    [ConfigurationKeyName(AppSettings.MaintenanceSilenceScopeSetting)] public string? MaintenanceSilenceScope { get; set; }
    [ConfigurationKeyName("DATA_DIR")] public string DataDir { get; set; } = "data";
    [ConfigurationKeyName("DATABASE_URL")] public string? DatabaseUrl { get; set; }
    [ConfigurationKeyName("WORKERS")] public string? Workers { get; set; }
    [ConfigurationKeyName("CONTENT_PER_MINUTE")] public string? ContentPerMinute { get; set; }
    [ConfigurationKeyName("CONTENT_PER_HOUR")] public string? ContentPerHour { get; set; }
    [ConfigurationKeyName(FeedToken.Setting)] public string? FeedSecret { get; set; }
}
