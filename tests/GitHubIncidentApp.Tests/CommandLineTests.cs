using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly RepoForCommandTests _repo = new();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_and_exits_0(string flag)
    {
        var (exit, output, errors) = await RepoForCommandTests.RunAsync(RunAsync, flag);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.StartsWith("usage: GitHubIncidentApp [--dev]", output, StringComparison.Ordinal);
        Assert.Contains("exit codes: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("render", "-h")]
    [InlineData("validate", "--help")]
    [InlineData("oncall", "--help")]
    [InlineData("schedule", "-h")]
    public async Task Help_on_a_command_prints_its_usage_and_exits_0(string verb, string flag)
    {
        var (exit, output, errors) = await RepoForCommandTests.RunAsync(RunAsync, verb, "--repo-dir", _repo.Path, flag);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.StartsWith($"usage: {verb} ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valdate", "error: unknown command 'valdate': use one of render, validate, oncall, schedule")]
    [InlineData("--port", "error: unknown option '--port': the app takes only --dev and --help")]
    public async Task An_unknown_command_or_option_exits_2_naming_it(string arg, string message)
    {
        var (exit, output, errors) = await RepoForCommandTests.RunAsync(RunAsync, AppSettings.DevFlag, arg);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_of_a_command_exits_2_naming_it()
    {
        var (exit, _, errors) = await RepoForCommandTests.RunAsync(RunAsync, "schedule", "--dayz", "3");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: unexpected argument '--dayz'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_dev_or_nothing_runs_the_app()
    {
        Assert.Null(await AppCommandLine.RunAsync([], TextWriter.Null, TextWriter.Null));
        Assert.Null(await AppCommandLine.RunAsync([AppSettings.DevFlag], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Dotnet_run_reads_and_writes_paths_relative_to_the_directory_it_was_typed_in()
    {
        _repo.WithConfig("""
                timezone: Europe/Berlim
                oncall:
                  rotations:
                    primary: { members: [alice], start: 2026-11-02T09:00, shift: 1d }
                """)
            .With("payloads/firing.json", Fixtures.Alertmanager("firing-critical"));

        var validate = await CommandRun.DotnetRunAsync(_repo.Path, "validate");
        var render = await CommandRun.DotnetRunAsync(_repo.Path, "render", "payloads/firing.json");

        Assert.Equal(1, validate.Exit);
        Assert.Contains(".github/incidents.yml:1:11: ", validate.Output, StringComparison.Ordinal);
        Assert.NotEqual(2, render.Exit);
        Assert.Contains("title: ", render.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_from_the_built_app_exits_0_without_starting_the_server()
    {
        // No settings at all: the server would refuse to start with exit 2.
        var (exit, output) = await CommandRun.DllAsync(_repo.Path, new Dictionary<string, string?>(), "--help");

        Assert.Equal(0, exit);
        Assert.StartsWith("usage: GitHubIncidentApp", output, StringComparison.Ordinal);
    }

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors) =>
        await AppCommandLine.RunAsync(args, output, errors) ?? -1;
}
