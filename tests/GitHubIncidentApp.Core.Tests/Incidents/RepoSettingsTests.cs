using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public class RepoSettingsTests
{
    private static readonly RepoRef Repo = new("acme", "shop");
    private static readonly RepoRef OrgRepo = new("acme", ".github");
    private const string ConfigPath = ".github/incidents.yml";

    private readonly IGitHubPort github = Substitute.For<IGitHubPort>();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public RepoSettingsTests()
    {
        github.GetFileAsync(Arg.Any<RepoRef>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(null));
        github.GetFileAsync(Arg.Any<RepoRef>(), Arg.Any<RepoRef>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(null));
        Serve(Repo, ConfigPath, "_extends: .github\nincident_label: outage\n");
        Serve(Repo, ".github/title.scriban", "{{ incident.key }}");
        Serve(OrgRepo, ConfigPath, "labels: [ops]\ntemplates:\n  title: .github/title.scriban\n");
    }

    /// <summary>A file of <paramref name="repo"/>, read with its own credentials and, for a base, with <see cref="Repo"/>'s.</summary>
    private void Serve(RepoRef repo, string path, string text)
    {
        github.GetFileAsync(repo, path, Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(text));
        github.GetFileAsync(Repo, repo, path, Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(text));
    }

    [Fact]
    public async Task The_cache_reads_the_base_from_the_other_repository_once_per_lifetime()
    {
        var cache = new RepoSettingsCache(github, new FixedBotIdentity("incident-app[bot]"), time, NullLogger<RepoSettingsCache>.Instance);

        var settings = await cache.GetAsync(Repo, CancellationToken.None);
        await cache.GetAsync(Repo, CancellationToken.None);

        Assert.Empty(settings.Problems);
        Assert.Equal("outage", settings.Config.IncidentLabel);
        Assert.Equal(["ops"], settings.Config.Labels);
        await github.Received(1).GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>());
        await github.Received(2).GetFileAsync(Repo, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await github.DidNotReceive().GetFileAsync(OrgRepo, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await github.Received(1).GetFileAsync(Arg.Any<RepoRef>(), Arg.Any<RepoRef>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
        await github.Received(1).GetFileAsync(Repo, OrgRepo, ConfigPath, Arg.Any<CancellationToken>()); // with this repository's installation

        time.Advance(RepoSettingsCache.Lifetime);
        await cache.GetAsync(Repo, CancellationToken.None);

        await github.Received(2).GetFileAsync(Repo, OrgRepo, ConfigPath, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Templates_a_base_names_are_read_from_the_repository_itself()
    {
        var settings = await RepoSettings.LoadAsync(Repo, (path, ct) => github.GetFileAsync(Repo, path, ct), github.GetFileAsync, CancellationToken.None);

        Assert.Equal(".github/title.scriban", settings.Config.Templates.Title);
        await github.Received(1).GetFileAsync(Repo, ".github/title.scriban", Arg.Any<CancellationToken>());
        await github.DidNotReceive().GetFileAsync(OrgRepo, ".github/title.scriban", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_missing_base_is_a_problem_and_the_repository_s_own_settings_still_apply()
    {
        Serve(Repo, ConfigPath, "_extends: missing\nincident_label: outage\n");

        var settings = await RepoSettings.LoadAsync(Repo, (path, ct) => github.GetFileAsync(Repo, path, ct), github.GetFileAsync, CancellationToken.None);

        Assert.Equal("outage", settings.Config.IncidentLabel);
        Assert.StartsWith(".github/incidents.yml:1:11: '_extends': cannot read acme/missing:.github/incidents.yml with this repository's installation: it does not exist", Assert.Single(settings.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_from_local_files_extends_is_reported_and_the_file_applies_alone()
    {
        var settings = await RepoSettings.LoadAsync(Repo, (path, ct) => github.GetFileAsync(Repo, path, ct), readBase: null, CancellationToken.None);

        Assert.Equal("outage", settings.Config.IncidentLabel);
        Assert.Empty(settings.Config.Labels);
        Assert.Contains("acme/.github:.github/incidents.yml, which is not fetched when reading local files", Assert.Single(settings.Problems).ToString(), StringComparison.Ordinal);
        await github.DidNotReceive().GetFileAsync(OrgRepo, Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("labels: [ops]\n", null, false)]
    [InlineData("labels: [ops, \"team/{{ labels.team }}\"]\n", null, true)]
    [InlineData("templates:\n  body: .github/body.scriban\n", "{{ incident.key }}", true)]
    [InlineData("templates:\n  body: .github/missing.scriban\n", null, false)]
    public async Task Only_templates_of_the_repository_s_own_make_deciding_run_its_code(string config, string? body, bool runs)
    {
        Task<string?> Read(string path, CancellationToken cancellationToken) =>
            Task.FromResult(path == ConfigPath ? config : path == ".github/body.scriban" ? body : null);

        var settings = await RepoSettings.LoadAsync(Repo, Read, readBase: null, CancellationToken.None);

        Assert.Equal(runs, settings.RunsRepositoryTemplates);
        Assert.False(RepoSettings.Defaults.RunsRepositoryTemplates);
    }

    [Fact]
    public async Task Every_problem_keeps_its_file_and_position_templates_and_bases_too()
    {
        Serve(Repo, ConfigPath, "_extends: .github\ntemplates:\n  title: .github/title.scriban\n  body: .github/missing.scriban\n");
        Serve(Repo, ".github/title.scriban", "ok\n{{ if }}");
        Serve(OrgRepo, ConfigPath, "labels: [ops]\n_extends: gone\n");

        var settings = await RepoSettings.LoadAsync(Repo, (path, ct) => github.GetFileAsync(Repo, path, ct), github.GetFileAsync, CancellationToken.None);

        (RepoRef?, string, int?, int?)[] expected =
        [
            (OrgRepo, ConfigPath, 2, 11),
            (null, ConfigPath, null, null),
            (null, ".github/title.scriban", 2, 7),
            (null, ".github/title.scriban", 2, 7),
        ];
        Assert.Equal(expected, settings.Problems.Select(p => (p.Repo, p.Path, p.Line, p.Column)));
        Assert.All(settings.Problems, p => Assert.Equal(ConfigSeverity.Error, p.Severity));
        Assert.StartsWith("acme/.github:.github/incidents.yml:2:11: '_extends': the details are not shown", settings.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(".github/incidents.yml: the body template '.github/missing.scriban' does not exist on the default branch; the built-in body template is used", settings.Problems[1].ToString());
        Assert.StartsWith(".github/title.scriban:2:7: Error while parsing if statement: ", settings.Problems[2].ToString(), StringComparison.Ordinal);
        Assert.EndsWith("; the built-in title template is used instead", settings.Problems[2].ToString(), StringComparison.Ordinal);
    }
}
