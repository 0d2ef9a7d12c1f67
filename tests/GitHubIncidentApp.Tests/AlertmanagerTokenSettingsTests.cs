using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Tests;

/// <summary>ALERTMANAGER_TOKEN with ALLOWED_REPOS, and ALERTMANAGER_TOKEN_&lt;NAME&gt; with ALLOWED_REPOS_&lt;NAME&gt;, at start-up.</summary>
public sealed class AlertmanagerTokenSettingsTests
{
    private const string Forms = "owner/repo, owner/* or * (every repository where the app is installed), separated by commas";

    private static (AppSettings? Settings, IReadOnlyList<string> Problems) Load(bool devMode, params (string Name, string Value)[] values) =>
        AppSettings.Load(
            new ConfigurationBuilder().AddInMemoryCollection(
                values.Append((Name: "WEBHOOK_SECRET", Value: "s")).Append((Name: "DRY_RUN", Value: "true")).Select(v => KeyValuePair.Create(v.Name, (string?)v.Value))).Build(),
            devMode);

    private static string Scopes(AppSettings settings) => string.Join("; ", settings.AlertmanagerTokens.Select(t => $"{t.Setting}: {t.Scope}"));

    [Theory]
    [InlineData("team-a", "ALLOWED_REPOS entry 'team-a' is not " + Forms + ": 'team-a' is not owner/name")]
    [InlineData("team-a/*, team--b/x", "ALLOWED_REPOS entry 'team--b/x' is not " + Forms + ": 'team--b' is not a GitHub owner name")]
    [InlineData("team-a/in*", "ALLOWED_REPOS entry 'team-a/in*' is not " + Forms + ": 'in*' is not a GitHub repository name")]
    [InlineData("**", "ALLOWED_REPOS entry '**' is not " + Forms)]
    [InlineData(",", "ALLOWED_REPOS names no repository: use " + Forms)]
    public void A_bad_ALLOWED_REPOS_entry_is_named_with_the_accepted_forms(string allowed, string problem)
    {
        var (settings, problems) = Load(false, ("ALERTMANAGER_TOKEN", "t"), ("ALLOWED_REPOS", allowed));

        Assert.Null(settings);
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_token_needs_its_scope_and_a_scope_its_token()
    {
        var (settings, problems) = Load(false,
            ("ALERTMANAGER_TOKEN_TEAM_A", "a"), ("ALLOWED_REPOS_TEAM_B", "team-b/*"), ("ALLOWED_REPOS_TEAM_C", "team-c/*, bad entry"), ("ALERTMANAGER_TOKEN_TEAM_C", "c"));

        Assert.Null(settings);
        Assert.Equal(
            [
                $"ALERTMANAGER_TOKEN_TEAM_A has no ALLOWED_REPOS_TEAM_A: set ALLOWED_REPOS_TEAM_A to the repositories this token's alerts may reach: {Forms}",
                "ALLOWED_REPOS_TEAM_B is set but ALERTMANAGER_TOKEN_TEAM_B is not: set ALERTMANAGER_TOKEN_TEAM_B to the token of the Alertmanager whose alerts may reach ALLOWED_REPOS_TEAM_B, or remove ALLOWED_REPOS_TEAM_B",
                $"ALLOWED_REPOS_TEAM_C entry 'bad entry' is not {Forms}: 'bad entry' is not owner/name",
            ],
            problems);
    }

    [Fact]
    public void Without_ALLOWED_REPOS_the_token_reaches_DEFAULT_REPOs_owner_and_without_both_the_app_does_not_start()
    {
        var (withDefault, _) = Load(false, ("ALERTMANAGER_TOKEN", "t"), ("DEFAULT_REPO", "my-org/incidents"));
        var (neither, problems) = Load(false, ("ALERTMANAGER_TOKEN", "t"));

        Assert.Equal("ALERTMANAGER_TOKEN: my-org/*", Scopes(withDefault!));
        Assert.Null(neither);
        Assert.Equal(
            [$"neither ALLOWED_REPOS nor DEFAULT_REPO is set: set ALLOWED_REPOS to the repositories Alertmanager's alerts may reach ({Forms}), or DEFAULT_REPO to let them reach its owner's repositories"],
            problems);
    }

    [Fact]
    public void Development_without_a_token_takes_deliveries_for_every_repository_or_for_ALLOWED_REPOS()
    {
        var (open, _) = Load(true);
        var (limited, _) = Load(true, ("ALLOWED_REPOS", "my-org/*"));

        Assert.True(Assert.Single(open!.AlertmanagerTokens).OpenToAnyone);
        Assert.Equal("ALERTMANAGER_TOKEN: *", Scopes(open));
        Assert.Equal("ALERTMANAGER_TOKEN: my-org/*", Scopes(limited!));
    }

    [Fact]
    public void Named_tokens_serve_alone_and_need_no_ALERTMANAGER_TOKEN()
    {
        var (settings, problems) = Load(false,
            ("ALERTMANAGER_TOKEN_TEAM_A", "a"), ("ALLOWED_REPOS_TEAM_A", "team-a/*"),
            ("alertmanager_token_team_b", "b"), ("allowed_repos_team_b", "team-b/db, team-b/web"));

        Assert.Empty(problems);
        Assert.Equal("ALERTMANAGER_TOKEN_TEAM_A: team-a/*; ALERTMANAGER_TOKEN_TEAM_B: team-b/db,team-b/web", Scopes(settings!));
        Assert.DoesNotContain(settings!.AlertmanagerTokens, t => t.OpenToAnyone);
    }

    [Fact]
    public void ALLOWED_REPOS_without_ALERTMANAGER_TOKEN_beside_named_tokens_is_an_error()
    {
        var (settings, problems) = Load(false, ("ALERTMANAGER_TOKEN_TEAM_A", "a"), ("ALLOWED_REPOS_TEAM_A", "team-a/*"), ("ALLOWED_REPOS", "*"));

        Assert.Null(settings);
        Assert.StartsWith("ALLOWED_REPOS is set but ALERTMANAGER_TOKEN is not", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void One_token_in_two_settings_is_an_error_that_does_not_show_it()
    {
        var (settings, problems) = Load(false,
            ("ALERTMANAGER_TOKEN", "shared-secret-token"), ("ALLOWED_REPOS", "a/*"),
            ("ALERTMANAGER_TOKEN_TEAM_B", "shared-secret-token"), ("ALLOWED_REPOS_TEAM_B", "b/*"));

        Assert.Null(settings);
        Assert.Equal("ALERTMANAGER_TOKEN_TEAM_B and ALERTMANAGER_TOKEN hold the same token: give each Alertmanager a token of its own, so each delivery has one scope", Assert.Single(problems));
    }
}
