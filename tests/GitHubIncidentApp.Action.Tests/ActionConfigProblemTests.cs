using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>Config problems become workflow annotations on the file and line they are in, when that file is in this repository.</summary>
public sealed class ActionConfigProblemTests : ActionRunTestBase
{
    [Fact]
    public async Task Template_problems_are_annotated_on_the_template_and_the_config_file()
    {
        Repo.SetFile(".github/incidents.yml", "templates:\n  title: .github/incident/title.scriban\n  body: .github/incident/missing.scriban\n");
        Repo.SetFile(".github/incident/title.scriban", "ok\n{{ if }}");

        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("::error file=.github/incident/title.scriban,line=2,col=7::Error while parsing if statement: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "::error file=.github/incidents.yml::the body template '.github/incident/missing.scriban' does not exist on the default branch; the built-in body template is used\n",
            result.Stdout.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_in_another_repository_s_base_is_named_in_the_message_not_annotated()
    {
        GitHub.Repo(ActionProcess.Owner, ".github").SetFile(".github/incidents.yml", "timezone: Mars/Olympus\n");
        Repo.SetFile(".github/incidents.yml", "_extends: .github\n");

        var result = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains($"::error::{ActionProcess.Owner}/.github:.github/incidents.yml:1:11: 'timezone': the details are not shown", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Mars", result.Stdout, StringComparison.Ordinal);
    }
}
