using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>validate</c> follows <c>_extends</c> with the app's own loading: a base in the checkout's repository from the
/// checkout, one elsewhere from a fake GitHub with <c>GITHUB_TOKEN</c>, and without a token a warning says it was not.
/// </summary>
public sealed class ValidateExtendsTests : IAsyncLifetime
{
    private const string Token = "ghp_validate";
    private static readonly RepoRef Shop = new("acme", "shop");

    private const string OrgDefaults = """
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-02T09:00, shift: 1w }
        """;

    /// <summary>It changes who is in a rotation the base defines, so the file does not hold alone.</summary>
    private const string Extending = """
        _extends: .github
        oncall:
          rotations:
            primary: { members: [carol] }
        routes:
          - matchers: []
            assign: [primary]
        """;

    private const string Valid = "OK: .github/incidents.yml is valid: 1 rotation, 0 overrides, 0 escalation policies, 1 route, built-in templates; times in Europe/Berlin\n";

    private readonly RepoForCommandTests _repo = new();
    private FakeGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepositoryToken(Shop.Owner, Token);
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        _repo.Dispose();
    }

    private Dictionary<string, string> WithToken(string token = Token) => new()
    {
        ["GITHUB_TOKEN"] = token,
        ["GITHUB_API_URL"] = _github.BaseUrl.ToString(),
        ["GITHUB_REPOSITORY"] = Shop.ToString(),
    };

    private Task<(int Exit, string Output, string Errors)> ValidateAsync(Dictionary<string, string> environment, params string[] args) =>
        RepoForCommandTests.RunAsync((a, output, errors) => ValidateCommand.RunAsync(a, output, errors, environment.GetValueOrDefault), ["--repo-dir", _repo.Path, .. args]);

    [Fact]
    public async Task With_a_token_a_base_in_another_repository_is_read_from_GitHub_and_merged()
    {
        _github.Repo("acme", ".github").SetFile(".github/incidents.yml", OrgDefaults);
        _repo.WithConfig(Extending);

        var (exit, output, errors) = await ValidateAsync(WithToken());

        Assert.Equal((0, "", Valid), (exit, errors, output));
        var read = Assert.Single(_github.Requests);
        Assert.Equal(("/repos/acme/.github/contents/.github/incidents.yml", 200), (read.Path, read.StatusCode));
        Assert.Equal($"token {Token}", read.Authorization, ignoreCase: true);
    }

    [Fact]
    public async Task Problems_in_bases_are_printed_as_the_app_reports_them()
    {
        var broken = OrgDefaults.Replace("Europe/Berlin", "Europe/Berlim", StringComparison.Ordinal) + "\n_extends: gone\n";
        _github.Repo("acme", ".github").SetFile(".github/incidents.yml", broken);
        _repo.WithConfig(Extending);

        var (exit, output, errors) = await ValidateAsync(WithToken());

        var app = await RepoSettings.LoadAsync(
            Shop, (path, _) => Task.FromResult<string?>(path == ".github/incidents.yml" ? Extending : null),
            (repo, path, _) => Task.FromResult(repo == new RepoRef("acme", ".github") ? broken : null), CancellationToken.None);
        Assert.Equal(1, exit);
        Assert.Equal([.. app.Problems.Select(problem => problem.ToString())], output.TrimEnd('\n').Split('\n'));
        Assert.Equal(
            [
                "acme/.github:.github/incidents.yml:1:11: 'timezone': the details are not shown because the file belongs to another repository; validate it there to see them",
                "acme/.github:.github/incidents.yml:5:11: '_extends': the details are not shown because the file belongs to another repository; validate it there to see them",
            ],
            output.TrimEnd('\n').Split('\n'));
        Assert.Equal("2 problems found; the app would use the built-in defaults for what is broken\n", errors);
    }

    [Fact]
    public async Task Another_owner_s_private_base_the_token_cannot_read_is_a_problem()
    {
        _github.Repo("other", "defaults").SetFile(".github/incidents.yml", OrgDefaults);
        _repo.WithConfig("_extends: other/defaults\nincident_label: outage\n");

        var (exit, output, _) = await ValidateAsync(WithToken());

        Assert.Equal(1, exit);
        Assert.StartsWith(".github/incidents.yml:1:11: '_extends': cannot read other/defaults:.github/incidents.yml with this repository's installation: it does not exist, or it is private", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_a_base_elsewhere_is_a_warning_and_the_file_is_checked_alone()
    {
        _github.Repo("acme", ".github").SetFile(".github/incidents.yml", OrgDefaults);
        _repo.WithConfig(Extending);
        var environment = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = Shop.ToString() };

        var (exit, output, errors) = await ValidateAsync(environment);

        Assert.Equal(1, exit);
        Assert.Equal(
            """
            .github/incidents.yml:4:14: 'oncall.rotations.primary' has no start; give the local start of the first shift, such as start: 2026-11-02T09:00
            .github/incidents.yml:4:14: 'oncall.rotations.primary' has no shift; give how long each shift lasts, such as shift: 1w

            """,
            output);
        Assert.StartsWith(
            "warning: .github/incidents.yml:1:11: '_extends' names acme/.github:.github/incidents.yml, which is not fetched without a token: "
                + "set GITHUB_TOKEN to a token that can read acme/.github (and GITHUB_API_URL for GitHub Enterprise) to check it too; the settings of this file alone are used\n",
            errors,
            StringComparison.Ordinal);
        Assert.Empty(_github.Requests);

        _repo.WithConfig("_extends: .github\nincident_label: outage\n");
        (exit, output, errors) = await ValidateAsync(environment);

        Assert.Equal(0, exit);
        Assert.StartsWith("OK: ", output, StringComparison.Ordinal);
        Assert.StartsWith("warning: .github/incidents.yml:1:11: '_extends' names acme/.github:.github/incidents.yml, which is not fetched without a token", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_knowing_the_repository_no_base_is_fetched_and_the_warning_asks_for_repo()
    {
        _repo.WithConfig("_extends: acme/.github\nincident_label: outage\n");
        var environment = WithToken();
        environment.Remove("GITHUB_REPOSITORY");

        var (exit, _, errors) = await ValidateAsync(environment);

        Assert.Equal(0, exit);
        Assert.Equal(
            "warning: .github/incidents.yml:1:11: '_extends' names acme/.github:.github/incidents.yml, which is not fetched because the repository this checkout is of is not known: "
                + "give --repo owner/name (in a workflow, GITHUB_REPOSITORY names it); the settings of this file alone are used\n",
            errors);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task A_base_in_the_checkout_s_own_repository_is_read_from_the_checkout_without_a_token()
    {
        _repo.WithConfig(Extending.Replace("_extends: .github", "_extends: shop:.github/base.yml", StringComparison.Ordinal))
            .With(".github/base.yml", OrgDefaults);

        var (exit, output, errors) = await ValidateAsync(new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "someone/else" }, "--repo", Shop.ToString());

        Assert.Equal((0, "", Valid), (exit, errors, output));

        _repo.With(".github/base.yml", OrgDefaults.Replace("Europe/Berlin", "Europe/Berlim", StringComparison.Ordinal));
        (exit, output, _) = await ValidateAsync([], "--repo", Shop.ToString());

        // The checkout's own base: its values are shown, unlike another repository's.
        Assert.Equal(1, exit);
        Assert.StartsWith("acme/shop:.github/base.yml:1:11: 'timezone' is \"Europe/Berlim\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_GitHub_refuses_fails_the_check_with_GitHub_s_answer()
    {
        _repo.WithConfig(Extending);

        var (exit, output, errors) = await ValidateAsync(WithToken("ghp_wrong"));

        Assert.Equal((1, ""), (exit, output));
        Assert.StartsWith("error: reading a base that '_extends' names from GitHub failed: GET /repos/acme/.github/contents/.github/incidents.yml failed with 401", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--repo", "shop", "error: --repo names no repository: 'shop' is not owner/name")]
    [InlineData("GITHUB_REPOSITORY", "a/b/c", "error: GITHUB_REPOSITORY names no repository: 'a/b/c' is not owner/name")]
    [InlineData("GITHUB_API_URL", "not a url", "error: GITHUB_API_URL 'not a url' is not an absolute http(s) URL")]
    public async Task Refuses_a_repository_or_API_that_names_nothing(string setting, string value, string expected)
    {
        _repo.WithConfig("incident_label: outage\n");
        var environment = setting.StartsWith('-') ? [] : new Dictionary<string, string> { [setting] = value };

        var (exit, _, errors) = await ValidateAsync(environment, setting.StartsWith('-') ? [setting, value] : []);

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, errors, StringComparison.Ordinal);
    }
}
