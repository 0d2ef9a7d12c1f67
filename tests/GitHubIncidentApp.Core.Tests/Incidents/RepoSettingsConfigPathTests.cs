using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>A config file kept elsewhere (the Action's <c>config</c> input) is read there and named there in every problem.</summary>
public sealed class RepoSettingsConfigPathTests
{
    private const string CustomPath = ".github/custom-incidents.yml";
    private static readonly RepoRef Repo = new("acme", "shop");

    private readonly IGitHubPort _github = Substitute.For<IGitHubPort>();

    public RepoSettingsConfigPathTests()
    {
        _github.GetFileAsync(Arg.Any<RepoRef>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(null));
        _github.GetFileAsync(Repo, CustomPath, Arg.Any<CancellationToken>())
            .Returns(Task.FromResult<string?>("incident_label: outage\ntemplates:\n  title: .github/missing.scriban\n"));
    }

    [Fact]
    public async Task Errors_in_the_file_name_its_path()
    {
        _github.GetFileAsync(Repo, CustomPath, Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>("incident_label: incident\nseverity_policy: 12\n"));

        var settings = await RepoSettings.LoadAsync(Repo, (path, ct) => _github.GetFileAsync(Repo, path, ct), _github.GetFileAsync, CancellationToken.None, CustomPath);

        Assert.StartsWith($"{CustomPath}:2:", Assert.Single(settings.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_config_is_read_from_its_path_and_problems_name_it()
    {
        var cache = new RepoSettingsCache(_github, new FixedBotIdentity("incident-app[bot]"), new FakeTimeProvider(), NullLogger<RepoSettingsCache>.Instance, CustomPath);

        var settings = await cache.GetAsync(Repo, CancellationToken.None);

        Assert.Equal("outage", settings.Config.IncidentLabel);
        Assert.StartsWith($"{CustomPath}: the title template '.github/missing.scriban' does not exist", Assert.Single(settings.Problems).ToString(), StringComparison.Ordinal);
        await _github.DidNotReceive().GetFileAsync(Repo, ".github/incidents.yml", Arg.Any<CancellationToken>());
    }
}
