using GitHubIncidentApp.Core.Maintenance;
using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Tests;

public sealed class AppSettingsTests
{
    private static (AppSettings? Settings, IReadOnlyList<string> Problems) Load(bool devMode, params (string Name, string Value)[] values) =>
        AppSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value))).Build(), devMode);

    [Fact]
    public void Refuses_to_start_without_secrets_unless_in_development()
    {
        // With no GitHub credential at all the app runs its setup, which makes the webhook secret: Alertmanager's token it still needs.
        var (settings, problems) = Load(devMode: false);
        var (registered, registeredProblems) = Load(false, ("APP_ID", "1"));
        var (dev, devProblems) = Load(devMode: true);

        Assert.Null(settings);
        Assert.StartsWith("ALERTMANAGER_TOKEN is not set", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Null(registered);
        Assert.Contains(registeredProblems, p => p.StartsWith("WEBHOOK_SECRET is not set", StringComparison.Ordinal));
        Assert.Contains(registeredProblems, p => p.StartsWith("ALERTMANAGER_TOKEN is not set", StringComparison.Ordinal));
        Assert.Empty(devProblems);
        Assert.True(dev!.DryRun);
        Assert.Equal("127.0.0.1", dev.Host);
        Assert.Equal(3000, dev.Port);
    }

    [Fact]
    public void Reports_every_malformed_setting_at_once()
    {
        var (settings, problems) = Load(false,
            ("APP_ID", "abc"), ("PRIVATE_KEY", "not a key"), ("WEBHOOK_SECRET", "s"), ("ALERTMANAGER_TOKEN", "t"),
            ("PORT", "70000"), ("LOG_LEVEL", "loud"), ("DEFAULT_REPO", "just-a-name"), ("GITHUB_API_URL", "ftp://x"));

        Assert.Null(settings);
        Assert.Contains(problems, p => p.StartsWith("APP_ID \"abc\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PRIVATE_KEY is not an RSA private key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PORT \"70000\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("LOG_LEVEL \"loud\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DEFAULT_REPO \"just-a-name\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GITHUB_API_URL 'ftp://x'", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("not a key", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_limits_default_to_GitHubs_and_take_an_enterprise_servers_own()
    {
        var (defaults, _) = Load(true);
        var (enterprise, _) = Load(true, ("CONTENT_PER_MINUTE", "200"), ("CONTENT_PER_HOUR", "5000"));
        var (settings, problems) = Load(true, ("CONTENT_PER_MINUTE", "0"), ("CONTENT_PER_HOUR", "lots"));

        Assert.Equal(Core.GitHub.ContentLimits.GitHub, defaults!.ContentLimits);
        Assert.Equal(new Core.GitHub.ContentLimits(200, 5000), enterprise!.ContentLimits);
        Assert.Null(settings);
        Assert.Contains("CONTENT_PER_MINUTE \"0\" is not a number of new issues and comments per minute: use a number from 1 to 1000000 (default 80)", problems);
        Assert.Contains("CONTENT_PER_HOUR \"lots\" is not a number of new issues and comments per hour: use a number from 1 to 1000000 (default 500)", problems);
    }

    [Fact]
    public void Alertmanager_url_and_its_token_are_checked_and_the_token_redacted()
    {
        var (settings, _) = Load(true, ("ALERTMANAGER_URL", "http://alertmanager.monitoring:9093"), ("ALERTMANAGER_API_TOKEN", "s3cret-token"));
        var (none, _) = Load(true);
        var (_, problems) = Load(true, ("ALERTMANAGER_URL", "alertmanager:9093"));
        var (_, tokenAlone) = Load(true, ("ALERTMANAGER_API_TOKEN", "t"));

        Assert.Equal(new Uri("http://alertmanager.monitoring:9093"), settings!.Alertmanager!.Url);
        Assert.Equal("s3cret-token", settings.Alertmanager.BearerToken);
        Assert.Contains("ALERTMANAGER_URL=http://alertmanager.monitoring:9093/, ALERTMANAGER_API_TOKEN=(set, 12 chars)", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", settings.ToString(), StringComparison.Ordinal);
        Assert.Null(none!.Alertmanager);
        Assert.Equal("ALERTMANAGER_URL \"alertmanager:9093\" is not an http(s) URL: give Alertmanager's base URL as the app reaches it, such as http://alertmanager.monitoring:9093", Assert.Single(problems));
        Assert.StartsWith("ALERTMANAGER_API_TOKEN is set but ALERTMANAGER_URL is not", Assert.Single(tokenAlone), StringComparison.Ordinal);
    }

    [Fact]
    public void Maintenance_silence_scope_defaults_to_the_repo_label_under_default_repos_owner_and_refuses_other_names()
    {
        var (byDefault, _) = Load(true, ("DEFAULT_REPO", "operate-first/incidents"));
        var (all, _) = Load(true, ("MAINTENANCE_SILENCE_SCOPE", "all"));
        var (_, problems) = Load(true, ("MAINTENANCE_SILENCE_SCOPE", "everyone"));

        Assert.Equal(new MaintenanceScope(MaintenanceSilenceScope.RepoLabel, "operate-first"), byDefault!.MaintenanceScope);
        Assert.Contains("MAINTENANCE_SILENCE_SCOPE=repo-label", byDefault.ToString(), StringComparison.Ordinal);
        Assert.Equal(MaintenanceSilenceScope.All, all!.MaintenanceScope.Scope);
        Assert.StartsWith("MAINTENANCE_SILENCE_SCOPE \"everyone\" is not a scope: use repo-label (the default", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Api_url_is_used_as_given_and_ghe_host_gets_the_v3_path()
    {
        var (local, _) = Load(true, ("GITHUB_API_URL", "http://127.0.0.1:5000"));
        var (ghe, _) = Load(true, ("GHE_HOST", "github.example.com"));
        var (both, problems) = Load(true, ("GHE_HOST", "github.example.com"), ("GITHUB_API_URL", "http://127.0.0.1:5000/"));

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), local!.GitHubApiUrl);
        Assert.Equal(new Uri("https://github.example.com/api/v3/"), ghe!.GitHubApiUrl);
        Assert.Null(both);
        Assert.Contains(problems, p => p.StartsWith("Both GHE_HOST", StringComparison.Ordinal));
    }

    [Fact]
    public void An_app_id_without_a_key_is_an_error_not_a_silent_dry_run()
    {
        var (settings, problems) = Load(true, ("APP_ID", "123"));

        Assert.Null(settings);
        Assert.Contains(problems, p => p.StartsWith("PRIVATE_KEY or PRIVATE_KEY_PATH is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, null, LogFormat.Text)]
    [InlineData(true, "json", LogFormat.Json)]
    [InlineData(false, "TEXT", LogFormat.Text)]
    public void LOG_FORMAT_chooses_text_or_json_and_dev_mode_reads_text(bool devMode, string? format, LogFormat expected)
    {
        var (settings, _) = Load(devMode, [("WEBHOOK_SECRET", "s"), ("ALERTMANAGER_TOKEN", "t"), ("DEFAULT_REPO", "o/r"), ("DRY_RUN", "true"), .. format is null ? [] : new[] { ("LOG_FORMAT", format) }]);

        Assert.Equal(expected, settings!.LogFormat);
    }

    [Fact]
    public void A_LOG_FORMAT_other_than_text_or_json_is_refused()
    {
        var (settings, problems) = Load(true, ("LOG_FORMAT", "pretty"));

        Assert.Null(settings);
        Assert.StartsWith("LOG_FORMAT \"pretty\" is not a log format: use text", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_prints_one_line_per_problem_and_does_not_build()
    {
        var errors = new StringWriter();

        var app = IncidentApp.Build([], errors, new Dictionary<string, string?> { ["PORT"] = "x", ["WEBHOOK_SECRET"] = "", ["ALERTMANAGER_TOKEN"] = "" });

        Assert.Null(app);
        var lines = errors.ToString().Trim().Split('\n');
        Assert.Equal(6, lines.Length); // PORT, WEBHOOK_SECRET, ALERTMANAGER_TOKEN, APP_ID, the private key, the DRY_RUN hint
        Assert.All(lines, line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_FEED_SECRET_is_refused_and_the_settings_line_hides_it()
    {
        var (settings, problems) = Load(true, ("FEED_SECRET", "short"));
        var (good, _) = Load(true, ("FEED_SECRET", new string('k', 32)));

        Assert.Null(settings);
        Assert.StartsWith("FEED_SECRET is 5 characters long: use at least 32", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Contains("FEED_SECRET=(set, 32 chars)", good!.ToString(), StringComparison.Ordinal);
    }
}
