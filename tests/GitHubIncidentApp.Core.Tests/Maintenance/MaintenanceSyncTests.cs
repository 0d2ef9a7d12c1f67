using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Core.Tests.AlertmanagerHarness;
using GitHubIncidentApp.Testing.Alertmanager;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Maintenance;

/// <summary>One repository's sync against the real Alertmanager: two replicas at once create each silence once, and a failure says what to fix.</summary>
public sealed class MaintenanceSyncTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private readonly IGitHubPort _github = Substitute.For<IGitHubPort>();
    private readonly DeliveryMetrics _metrics = new();

    public MaintenanceSyncTests()
    {
        var from = DateTimeOffset.UtcNow.AddDays(1).UtcDateTime;
        _github.GetFileAsync(Repo, ".github/incidents.yml", Arg.Any<CancellationToken>()).Returns(string.Create(
            CultureInfo.InvariantCulture,
            $"maintenance:\n  - {{ matchers: ['namespace=\"db\"'], from: {from:yyyy-MM-dd'T'HH:mm}Z, to: {from.AddHours(1):yyyy-MM-dd'T'HH:mm}Z }}\n  - {{ matchers: ['job=\"etl\"'], days: mon-sun }}\n"));
    }

    [Fact]
    public async Task Two_replicas_syncing_at_once_under_one_lock_create_each_silence_once()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        await using var alertmanager = await AlertmanagerProcess.StartAsync(recorder.Url, "token");
        using var http = new HttpClient();
        var locks = new InProcessIncidentLocks();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Sync(new AlertmanagerSilences(http, alertmanager.BaseUrl), locks).SyncAsync(Repo, CancellationToken.None)));

        var held = await alertmanager.GetSilencesAsync();
        Assert.Equal(held.Count, results.Sum(r => r.Created.Count));
        Assert.Equal(held.Count, held.Select(s => MaintenanceTag.Find(s.Comment)).Distinct().Count());
        Assert.InRange(held.Count, 8, 10);
        Assert.All(held, s => Assert.Contains(s.Matchers, m => m.Name == "repo"));
    }

    [Fact]
    public async Task An_unreachable_Alertmanager_is_counted_and_logged_with_what_to_check()
    {
        using var http = new HttpClient();
        var closed = new Uri($"http://127.0.0.1:{Testing.FakeGitHub.AppProcessLaunch.FreePort()}/");

        var result = await Sync(new AlertmanagerSilences(http, closed), new InProcessIncidentLocks()).SyncAsync(Repo, CancellationToken.None);

        Assert.Empty(result.Created);
        Assert.StartsWith("Could not list the silences (nothing was created or expired): Could not list the silences in Alertmanager at GET", Assert.Single(result.Failures), StringComparison.Ordinal);
        Assert.Contains("reachable from where this runs", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_or_without_Alertmanager_nothing_is_synced()
    {
        using var http = new HttpClient();
        var off = new MaintenanceSync(Settings(), new MaintenanceScope(MaintenanceSilenceScope.Off), _metrics, TimeProvider.System, NullLogger<MaintenanceSync>.Instance, new AlertmanagerSilences(http, new Uri("http://127.0.0.1:9/")));
        var none = new MaintenanceSync(Settings(), new MaintenanceScope(MaintenanceSilenceScope.All), _metrics, TimeProvider.System, NullLogger<MaintenanceSync>.Instance);

        Assert.False(off.IsOn || none.IsOn);
        Assert.Same(MaintenanceSyncResult.None, await off.SyncAsync(Repo, CancellationToken.None));
        await _github.DidNotReceiveWithAnyArgs().GetFileAsync(default!, default!, default);
    }

    private MaintenanceSync Sync(ISilencePort port, IIncidentLocks locks) =>
        new(Settings(), new MaintenanceScope(MaintenanceSilenceScope.RepoLabel), _metrics, TimeProvider.System, NullLogger<MaintenanceSync>.Instance, port, locks);

    private RepoSettingsCache Settings() => new(_github, new FixedBotIdentity("incident-app[bot]"), TimeProvider.System, NullLogger<RepoSettingsCache>.Instance);
}
