using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>
/// The validate mode checks the workspace's config as the app loads it, annotates each problem where it is and fails on
/// errors; it reads only the bases <c>_extends</c> names from GitHub, with the token, and writes nothing.
/// </summary>
public sealed class ActionValidateTests : ActionRunTestBase
{
    private static readonly Dictionary<string, string> Validate = new() { [ActionInputs.Mode] = "validate" };

    private const string PullRequest = """{"action":"synchronize","number":7}""";

    protected override void Arrange() =>
        // The default branch's config is valid: validate must check the workspace's, not this one.
        Repo.SetFile(".github/incidents.yml", "incident_label: incident\n");

    private Task<ActionResult> ValidateAsync(Dictionary<string, string>? inputs = null) =>
        Action.RunAsync(GitHub, "pull_request", PullRequest, new Dictionary<string, string>(Validate.Concat(inputs ?? [])));

    [Fact]
    public async Task A_broken_config_is_annotated_on_its_file_line_and_column_and_fails_the_step()
    {
        Action.SetWorkspaceFile(".github/incidents.yml", """
            timezone: Europe/Berlim
            oncall:
              rotations:
                primary: { members: [alice], start: 2026-11-02T09:00, shift: 1x }
            """);

        var result = await ValidateAsync();

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Contains("::error file=.github/incidents.yml,line=1,col=11::'timezone' is \"Europe/Berlim\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("::error file=.github/incidents.yml,line=4,col=66::'oncall.rotations.primary.shift' is \"1x\", which is not a duration", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("::error::2 problem(s) found in .github/incidents.yml or the files it names", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("**Failed.**", result.Summary, StringComparison.Ordinal);
        Assert.Contains("mode `validate`", result.Summary, StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_annotated_on_the_template_s_line()
    {
        Action.SetWorkspaceFile(".github/incidents.yml", "templates:\n  title: .github/incident-templates/title.scriban\n");
        Action.SetWorkspaceFile(".github/incident-templates/title.scriban", "ok\n{{ if }}");

        var result = await ValidateAsync();

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Contains("::error file=.github/incident-templates/title.scriban,line=2,col=7::Error while parsing if statement: ", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task A_good_config_passes_with_its_summary_and_writes_nothing()
    {
        Action.SetWorkspaceFile(".github/custom-incidents.yml", Schedules.Weekly);

        var result = await ValidateAsync(new() { [ActionInputs.Config] = ".github/custom-incidents.yml" });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("OK: .github/custom-incidents.yml is valid: 1 rotation, 0 overrides, 1 escalation policy, 0 routes, built-in templates; times in Europe/Berlin", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("operations<<", result.Outputs, StringComparison.Ordinal);
        Assert.Contains("0 write(s) to GitHub.", result.Summary, StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task A_base_in_another_repository_is_read_with_the_token_and_its_problems_named_without_its_values()
    {
        GitHub.Repo(ActionProcess.Owner, ".github").SetFile(".github/incidents.yml", "timezone: Mars/Olympus\n");
        Action.SetWorkspaceFile(".github/incidents.yml", "_extends: .github\nincident_label: outage\n");

        var result = await ValidateAsync();

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Contains($"::error::{ActionProcess.Owner}/.github:.github/incidents.yml:1:11: 'timezone': the details are not shown", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Mars", result.Stdout, StringComparison.Ordinal);
        var read = Assert.Single(GitHub.Requests);
        Assert.Equal(($"/repos/{ActionProcess.Owner}/.github/contents/.github/incidents.yml", "GET"), (read.Path, read.Method));
        Assert.Equal($"token {ActionProcess.Token}", read.Authorization, ignoreCase: true);

        GitHub.Repo(ActionProcess.Owner, ".github").SetFile(".github/incidents.yml", "timezone: Europe/Berlin\n");
        var fixedBase = await ValidateAsync();

        Assert.True(fixedBase.ExitCode == 0, fixedBase.Stdout);
        Assert.Contains("OK: .github/incidents.yml is valid", fixedBase.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_a_base_elsewhere_is_a_warning_and_warnings_alone_pass()
    {
        Action.SetWorkspaceFile(".github/incidents.yml", "_extends: .github\nincident_label: outage\n");

        var result = await ValidateAsync(new() { [ActionInputs.Token] = "" });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains(
            "::warning file=.github/incidents.yml,line=1,col=11::'_extends' names operate-first/.github:.github/incidents.yml, which is not fetched without a token: pass the token input a token that can read operate-first/.github",
            result.Stdout,
            StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task A_workspace_without_the_config_fails_and_says_to_check_it_out()
    {
        var result = await ValidateAsync();

        Assert.Equal(ActionRunner.Failure, result.ExitCode);
        Assert.Matches(@"::error::The workspace \S+ has no \.github/incidents\.yml: check the repository out first \(actions/checkout\)", result.Stdout);
        Assert.Empty(GitHub.Requests);
    }
}
