using System.Globalization;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Testing.Alertmanager;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Maintenance windows of <c>incidents.yml</c> become silences in the real Alertmanager, which delivers to the running
/// app: created once, bound to the repository's <c>repo</c> label, found again after a restart, and expired when their
/// window leaves the config. The app's clock is the test's, started at the real time.
/// </summary>
public sealed class MaintenanceSilenceTests : AppTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private AlertmanagerProcess _alertmanager = null!;
    private int _port;

    protected override TimeProvider Clock => _clock;

    private static readonly RepoRef Incidents = new("operate-first", "incidents");

    /// <summary>Under way now, for an hour.</summary>
    private readonly string _now;

    /// <summary>Two days ahead: its silence is pending.</summary>
    private readonly string _later;

    public MaintenanceSilenceTests()
    {
        _now = Window(_clock.GetUtcNow().AddMinutes(-1), TimeSpan.FromHours(1));
        _later = Window(_clock.GetUtcNow().AddDays(2), TimeSpan.FromHours(1));
    }

    protected override async Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(".github/incidents.yml", $"maintenance:\n{_now}\n{_later}\n");
        _port = AppProcessLaunch.FreePort();
        _alertmanager = await AlertmanagerProcess.StartAsync(new Uri($"http://127.0.0.1:{_port}/api/alertmanager/operate-first/incidents"), RunningApp.AlertmanagerToken);
        return await StartOnAsync(dataDir: null);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _alertmanager.DisposeAsync();
    }

    [Fact]
    public async Task Windows_become_silences_once_bound_to_the_repository_and_silence_its_alerts()
    {
        var silences = await WaitForAsync(async () => await _alertmanager.GetSilencesAsync() is { Count: 2 } found ? found : null, "the windows' silences");

        var active = Assert.Single(silences, s => s.Status.State == "active");
        Assert.Equal("pending", Assert.Single(silences, s => s != active).Status.State);
        Assert.Equal(
            [new("namespace", "db", false, true), new("repo", "(?i)(?:operate-first/)?incidents", true, true)],
            active.Matchers.OrderBy(m => m.Name, StringComparer.Ordinal));
        Assert.Equal("incident-app (operate-first/incidents)", active.CreatedBy);
        Assert.Matches(@"\[incident-app maintenance repo=operate-first/incidents window=[0-9a-f]{12} start=[0-9T:Z-]{20}\]$", active.Comment);

        // The window's alerts of this repository reach nobody; one without a repo label is not this repository's to silence.
        await _alertmanager.FireAsync(new Dictionary<string, string> { ["alertname"] = "DbDown", ["namespace"] = "db", ["repo"] = "incidents" });
        await _alertmanager.FireAsync(new Dictionary<string, string> { ["alertname"] = "DbDown", ["namespace"] = "db", ["instance"] = "unlabelled" });
        var control = await WaitForAsync(() => Repo.Issues.SingleOrDefault(), "the unlabelled alert's issue");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(Repo.Issues);
        Assert.Contains("unlabelled", control.Body, StringComparison.Ordinal);
        Assert.Contains("incident_app_maintenance_silences_total{outcome=\"created\"} 2", await App.Client.GetStringAsync("metrics"), StringComparison.Ordinal);

        // Restarted on the same database, the app finds both silences and creates none.
        await App.DisposeAsync();
        App = await StartOnAsync(App.DataDir);
        var again = await App.Services.GetRequiredService<MaintenanceSync>().SyncAsync(Incidents, CancellationToken.None);
        Assert.Empty(again.Created);
        Assert.Equal(2, (await _alertmanager.GetSilencesAsync()).Count);
        Assert.Contains("incident_app_maintenance_silences_total{outcome=\"created\"} 0", await App.Client.GetStringAsync("metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_removed_from_the_config_has_its_pending_silence_expired_at_the_next_read()
    {
        await WaitForAsync(async () => await _alertmanager.GetSilencesAsync() is { Count: 2 } found ? found : null, "the windows' silences");

        Repo.SetFile(".github/incidents.yml", $"maintenance:\n{_now}\n");
        // Past the settings' lifetime and the pass's interval: the pass reads the config fresh.
        _clock.Advance(TimeSpan.FromMinutes(16));

        var expired = await WaitForAsync(async () => (await _alertmanager.GetSilencesAsync()).SingleOrDefault(s => s.Status.State == "expired"), "the removed window's silence to expire");
        Assert.Contains(":00Z]", expired.Comment, StringComparison.Ordinal);
        Assert.Equal("active", Assert.Single(await _alertmanager.GetSilencesAsync(), s => s.Id != expired.Id).Status.State);
        Assert.Contains("incident_app_maintenance_silences_total{outcome=\"expired\"} 1", await App.Client.GetStringAsync("metrics"), StringComparison.Ordinal);
    }

    private Task<RunningApp> StartOnAsync(string? dataDir) => RunningApp.StartAsync(GitHub, dataDir, time: Clock, settings: new Dictionary<string, string?>
    {
        ["PORT"] = _port.ToString(CultureInfo.InvariantCulture),
        ["ALERTMANAGER_URL"] = _alertmanager.BaseUrl.AbsoluteUri,
        ["DEFAULT_REPO"] = "operate-first/incidents",
    });

    private static string Window(DateTimeOffset from, TimeSpan length) => string.Create(
        CultureInfo.InvariantCulture, $"  - {{ matchers: ['namespace=\"db\"'], from: {from.UtcDateTime:yyyy-MM-dd'T'HH:mm}Z, to: {(from + length).UtcDateTime:yyyy-MM-dd'T'HH:mm}Z }}");

    protected override string FailureContext => $"\nAlertmanager log:\n{_alertmanager.Log}";
}
