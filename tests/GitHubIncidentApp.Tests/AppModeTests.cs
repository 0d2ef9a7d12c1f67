using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Tests;

/// <summary>Live, token or dry run, never by accident: outside --dev, complete credentials (the App's or a token) or DRY_RUN=true.</summary>
public sealed class AppModeTests
{
    private static readonly string PrivateKey = RSA.Create(2048).ExportRSAPrivateKeyPem();

    private static (AppSettings? Settings, IReadOnlyList<string> Problems) Load(bool devMode, params (string Name, string Value)[] values) =>
        AppSettings.Load(
            new ConfigurationBuilder().AddInMemoryCollection(
                values.Append(("ALERTMANAGER_TOKEN", "t")).Append(("DEFAULT_REPO", "my-org/incidents"))
                    .Select(v => KeyValuePair.Create(v.Item1, (string?)v.Item2))).Build(),
            devMode);

    [Fact]
    public void A_misspelled_app_id_refuses_to_start_and_names_the_typo()
    {
        var (settings, problems) = Load(false, ("APPID", "123"), ("PRIVATE_KEY", PrivateKey), ("WEBHOOK_SECRET", "s"));

        Assert.Null(settings);
        Assert.Equal(
            [
                "APP_ID is not set: set it to the GitHub App's id (shown as 'App ID' on its settings page); 'APPID' is set: is it a misspelling of APP_ID?",
                "the app runs live only with APP_ID and a private key (a GitHub App) or with GITHUB_TOKEN (token mode): check the names above for typos, or set DRY_RUN=true to run without them and only log what it would do on GitHub",
            ],
            problems);
    }

    [Fact]
    public void Each_missing_credential_gets_a_line_of_its_own()
    {
        var (settings, problems) = Load(false, ("WEBHOOK_SECRET", "s"));

        Assert.Null(settings);
        Assert.StartsWith("APP_ID is not set: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("PRIVATE_KEY or PRIVATE_KEY_PATH is not set: ", problems[1], StringComparison.Ordinal);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void A_misspelled_webhook_secret_is_named_too()
    {
        var (_, problems) = Load(false, ("APP_ID", "123"), ("PRIVATE_KEY", PrivateKey), ("WEBHOK_SECRET", "s"));

        Assert.Equal(
            "WEBHOOK_SECRET is not set: set it to the GitHub App's webhook secret (or start with --dev to try the app locally); 'WEBHOK_SECRET' is set: is it a misspelling of WEBHOOK_SECRET?",
            Assert.Single(problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DRY_RUN_true_runs_dry_with_or_without_credentials(bool withCredentials)
    {
        (string, string)[] credentials = withCredentials ? [("APP_ID", "123"), ("PRIVATE_KEY", PrivateKey)] : [];

        var (settings, problems) = Load(false, [("DRY_RUN", "true"), ("WEBHOOK_SECRET", "s"), .. credentials]);

        Assert.Empty(problems);
        Assert.True(settings!.DryRun);
        Assert.Null(settings.AppId);
    }

    [Fact]
    public void Complete_credentials_run_live()
    {
        var (settings, problems) = Load(false, ("APP_ID", "123"), ("PRIVATE_KEY", PrivateKey), ("WEBHOOK_SECRET", "s"));

        Assert.Empty(problems);
        Assert.False(settings!.DryRun);
        Assert.Equal(123, settings.AppId);
    }

    [Fact]
    public void Dev_mode_dry_runs_without_credentials_unless_DRY_RUN_false_asks_for_live()
    {
        var (dev, devProblems) = Load(true);
        var (live, liveProblems) = Load(true, ("DRY_RUN", "false"));

        Assert.Empty(devProblems);
        Assert.True(dev!.DryRun);
        Assert.Null(live);
        Assert.StartsWith("APP_ID is not set", liveProblems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_DRY_RUN_that_is_not_a_boolean_is_refused()
    {
        var (settings, problems) = Load(true, ("DRY_RUN", "maybe"));

        Assert.Null(settings);
        Assert.StartsWith("DRY_RUN \"maybe\" is not true or false", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "false")]
    public void A_token_without_App_credentials_runs_in_token_mode(bool devMode, string? dryRun)
    {
        var (settings, problems) = Load(devMode, [("GITHUB_TOKEN", "ghp_x"), ("WEBHOOK_SECRET", "s"), .. dryRun is null ? [] : new[] { ("DRY_RUN", dryRun) }]);

        Assert.Empty(problems);
        Assert.Equal(RunMode.Token, settings!.Mode);
        Assert.False(settings.DryRun);
        Assert.Equal("ghp_x", settings.GitHubToken);
        Assert.Null(settings.AppId);
        Assert.Contains("mode token, APP_ID=(not set), PRIVATE_KEY=(not set), GITHUB_TOKEN=(set, 5 chars)", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_dev_a_token_from_the_shell_keeps_the_dry_run()
    {
        var (settings, problems) = Load(true, ("GITHUB_TOKEN", "ghp_x"));

        Assert.Empty(problems);
        Assert.Equal(RunMode.DryRun, settings!.Mode);
        Assert.True(settings.DryRun);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_token_and_App_credentials_together_ask_to_choose_one(bool devMode)
    {
        var (settings, problems) = Load(devMode, ("GITHUB_TOKEN", "ghp_x"), ("APP_ID", "123"), ("PRIVATE_KEY_PATH", "/secrets/app.pem"), ("WEBHOOK_SECRET", "s"));

        Assert.Null(settings);
        Assert.Contains(
            "GITHUB_TOKEN and the GitHub App's APP_ID and PRIVATE_KEY_PATH are both set: choose one, unset GITHUB_TOKEN to run as the GitHub App, or unset APP_ID and PRIVATE_KEY_PATH to run with the token (token mode)",
            problems);
    }

    [Fact]
    public void A_token_and_App_credentials_together_still_dry_run_with_DRY_RUN_true()
    {
        var (settings, problems) = Load(false, ("DRY_RUN", "true"), ("GITHUB_TOKEN", "ghp_x"), ("APP_ID", "123"), ("PRIVATE_KEY", PrivateKey), ("WEBHOOK_SECRET", "s"));

        Assert.Empty(problems);
        Assert.True(settings!.DryRun);
        Assert.Null(settings.GitHubToken);
    }

    [Fact]
    public void A_token_without_a_webhook_secret_refuses_to_start_saying_what_the_secret_is_for()
    {
        var (settings, problems) = Load(false, ("GITHUB_TOKEN", "ghp_x"));

        Assert.Null(settings);
        Assert.Equal(
            "WEBHOOK_SECRET is not set: token mode takes commands from repository (or organisation) webhooks and accepts only signed ones: set it to a random secret (openssl rand -hex 32) and give the same secret to each webhook (or start with --dev to try the app locally)",
            Assert.Single(problems));
    }

    [Fact]
    public void A_misspelled_token_is_named_when_no_credential_is_set()
    {
        var (settings, problems) = Load(false, ("GITHUB_TOKN", "ghp_x"), ("WEBHOOK_SECRET", "s"));

        Assert.Null(settings);
        Assert.EndsWith("; 'GITHUB_TOKN' is set: is it a misspelling of GITHUB_TOKEN?", problems[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_credential_the_app_runs_its_setup()
    {
        var (settings, problems) = Load(false);

        Assert.Empty(problems);
        Assert.Equal(RunMode.Setup, settings!.Mode);
        Assert.Null(settings.AppId);
        Assert.Contains("mode setup", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("APPID", "123")] // a typo alone
    [InlineData("PRIVATE_KY", "x")]
    [InlineData("WEBHOOK_SECRET", "")] // declared empty: the operator meant to give it
    [InlineData("DRY_RUN", "")]
    public void A_credential_name_declared_or_misspelled_keeps_the_app_out_of_setup(string name, string value)
    {
        var (settings, problems) = Load(false, (name, value));

        Assert.Null(settings);
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void A_credential_masked_by_a_layer_above_leaves_the_setup_on()
    {
        // A null value is how an override hides a variable of the environment below it (tests hide the shell's token so).
        var config = new ConfigurationBuilder().AddInMemoryCollection(
        [
            KeyValuePair.Create("ALERTMANAGER_TOKEN", (string?)"t"),
            KeyValuePair.Create("DEFAULT_REPO", (string?)"my-org/incidents"),
            KeyValuePair.Create("GITHUB_TOKEN", (string?)null),
            KeyValuePair.Create("APP_ID", (string?)null),
        ]).Build();

        var (settings, problems) = AppSettings.Load(config, devMode: false);

        Assert.Empty(problems);
        Assert.Equal(RunMode.Setup, settings!.Mode);
    }

    [Fact]
    public void With_dev_and_no_credentials_the_app_dry_runs_instead_of_setting_up()
    {
        var (settings, _) = Load(true);

        Assert.Equal(RunMode.DryRun, settings!.Mode);
    }
}
