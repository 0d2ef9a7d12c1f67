using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly DirectoryInfo _repo = Directory.CreateTempSubdirectory("incident-render-");

    public void Dispose() => _repo.Delete(recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await RenderCommand.RunAsync(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Prints_title_labels_and_body_with_the_built_in_templates()
    {
        var (exit, output, errors) = await RunAsync(Fixtures.PathOf("alertmanager/firing-critical.json"), "--repo-dir", _repo.FullName);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.StartsWith("title: [CRITICAL] JupyterHub is down (opf-jupyterhub)\nlabels: incident, severity/critical\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("https://example.org/runbooks/jupyterhub-down", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uses_the_repository_config_and_templates_and_reports_their_problems()
    {
        Directory.CreateDirectory(Path.Combine(_repo.FullName, ".github", "incident"));
        await File.WriteAllTextAsync(Path.Combine(_repo.FullName, ".github", "incidents.yml"), "labels: [\"ns/{{ labels.namespace }}\"]\ntemplates:\n  title: .github/incident/title.scriban\n  body: .github/incident/missing.scriban\n");
        await File.WriteAllTextAsync(Path.Combine(_repo.FullName, ".github", "incident", "title.scriban"), "Down: {{ labels.alertname }}");

        var (exit, output, errors) = await RunAsync(Fixtures.PathOf("alertmanager/firing-critical.json"), "--repo-dir", _repo.FullName);

        Assert.Equal(1, exit);
        Assert.Contains("title: Down: JupyterHubDown", output, StringComparison.Ordinal);
        Assert.Contains("labels: incident, severity/critical, ns/opf-jupyterhub", output, StringComparison.Ordinal);
        Assert.Contains("warning: .github/incidents.yml: the body template '.github/incident/missing.scriban' does not exist", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no payload file given")]
    [InlineData(new[] { "missing.json" }, "'missing.json' does not exist")]
    [InlineData(new[] { "a.json", "--bogus" }, "unexpected argument '--bogus'")]
    public async Task Explains_bad_arguments(string[] args, string expected)
    {
        var (exit, _, errors) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explains_a_file_that_is_not_a_payload()
    {
        var path = Path.Combine(_repo.FullName, "bad.json");
        await File.WriteAllTextAsync(path, "{\"version\":\"4\"}");

        var (exit, _, errors) = await RunAsync(path);

        Assert.Equal(1, exit);
        Assert.Contains("'alerts' is missing", errors, StringComparison.Ordinal);
    }
}
