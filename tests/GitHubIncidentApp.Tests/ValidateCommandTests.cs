namespace GitHubIncidentApp.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly RepoForCommandTests _repo = new();

    public void Dispose() => _repo.Dispose();

    private Task<(int Exit, string Output, string Errors)> ValidateAsync(params string[] args) =>
        RunAsync(["--repo-dir", _repo.Path, .. args]);

    /// <summary>With no GITHUB_* variable set, whatever the environment the tests run in has.</summary>
    private static Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args) =>
        RepoForCommandTests.RunAsync((a, output, errors) => ValidateCommand.RunAsync(a, output, errors, _ => null), args);

    [Fact]
    public async Task A_valid_file_gets_a_one_line_summary()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin).With(".github/incident/title.scriban", "{{ labels.alertname }} is down");

        var (exit, output, errors) = await ValidateAsync();

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Equal(
            "OK: .github/incidents.yml is valid: 3 rotations, 1 override, 1 escalation policy, 2 routes, templates .github/incident/title.scriban; times in Europe/Berlin\n",
            output);
    }

    [Fact]
    public async Task A_missing_file_is_a_problem_named_with_its_full_path()
    {
        var (exit, output, errors) = await ValidateAsync();

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {Path.Combine(_repo.Path, ".github", "incidents.yml")} does not exist: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_errors_are_printed_as_path_line_column()
    {
        _repo.WithConfig("""
            timezone: Europe/Berlim
            oncall:
              rotations:
                primary: { members: [alice], start: 2026-11-02T09:00, shift: 1x }
            """);

        var (exit, output, errors) = await ValidateAsync();

        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(".github/incidents.yml:1:11: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Europe/Berlim", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(".github/incidents.yml:4:66: 'oncall.rotations.primary.shift' is \"1x\", which is not a duration", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 problems found; the app would use the built-in defaults for what is broken\n", errors);
    }

    [Fact]
    public async Task Template_and_label_errors_point_into_their_files()
    {
        _repo.WithConfig("""
                labels: ["ns/{{ labels.namespace + }}"]
                templates:
                  title: .github/incident/title.scriban
                  body: .github/incident/missing.scriban
                """)
            .With(".github/incident/title.scriban", "ok\n{{ if }}");

        var (exit, output, _) = await ValidateAsync();

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                ".github/incidents.yml: the body template '.github/incident/missing.scriban' does not exist on the default branch; the built-in body template is used",
                ".github/incident/title.scriban:2:7: Error while parsing if statement: Expecting <expression> instead of `}}` in: if <expression> ... end|else|else if; the built-in title template is used instead",
                ".github/incident/title.scriban:2:7: Error while parsing if statement: The <end> statement was not found in: if <expression> ... end|else|else if; the built-in title template is used instead",
                ".github/incidents.yml:1:11: the label template \"ns/{{ labels.namespace + }}\" does not parse: line 1, col 26: Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `}}` in: <expression> operator <expression>",
            ],
            output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_template_that_fails_on_a_sample_incident_is_reported()
    {
        _repo.WithConfig("templates: { title: t.scriban }").With("t.scriban", "{{ labels.missing }}");

        var (exit, output, _) = await ValidateAsync();

        Assert.Equal(1, exit);
        Assert.Equal("t.scriban: on a sample 'opened' incident, the template renders nothing\n", output);
    }

    [Theory]
    [InlineData("--bogus", "unexpected argument '--bogus'")]
    [InlineData("extra", "unexpected argument 'extra'")]
    [InlineData("--repo-dir", "option '--repo-dir' needs a value")]
    public async Task Explains_bad_arguments(string arg, string expected)
    {
        var (exit, _, errors) = await RunAsync(arg);

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Contains("usage: validate", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_repo_dir_that_does_not_exist()
    {
        var (exit, _, errors) = await RunAsync("--repo-dir", Path.Combine(_repo.Path, "nope"));

        Assert.Equal(2, exit);
        Assert.Contains("is not a directory", errors, StringComparison.Ordinal);
    }
}
