using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>
/// Settings built from a read kept in the database: a restarted process (a second open of the database) reuses a
/// read younger than the settings' lifetime with no GitHub call, and only its own repository's.
/// </summary>
public abstract class SettingsSnapshotsContractTests(StorageBackend backend) : IAsyncLifetime
{
    private const string ConfigPath = ".github/incidents.yml";
    private static readonly RepoRef Repo = new("acme", "shop");
    private static readonly RepoRef OrgRepo = new("acme", ".github");
    private static readonly RepoRef Other = new("rival", "shop");
    private const string Bot = "incident-app[bot]";

    private readonly IGitHubPort github = Substitute.For<IGitHubPort>();
    private readonly FakeTimeProvider time = new(StorageSamples.T0);

    public Task InitializeAsync()
    {
        github.GetFileAsync(Arg.Any<RepoRef>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(null));
        github.GetFileAsync(Arg.Any<RepoRef>(), Arg.Any<RepoRef>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(Task.FromResult<string?>(null));
        github.GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>()).Returns(
            "_extends: .github\nincident_label: outage\noncall:\n  rotations:\n    primary: { members: [ana, ben], start: 2026-11-01T09:00, shift: 1d }\n");
        github.GetFileAsync(Repo, OrgRepo, ConfigPath, Arg.Any<CancellationToken>()).Returns("labels: [ops]\n");
        github.GetFileAsync(Other, ConfigPath, Arg.Any<CancellationToken>()).Returns("incident_label: rival-outage\n");
        github.ListIssuesWithLabelAsync(Repo, OverrideLedger.Label, Arg.Any<CancellationToken>()).Returns(
        [
            new IssueSnapshot { Number = 42, Title = "On-call overrides", Body = OverrideLedger.Render([]), IsOpen = true, Labels = [OverrideLedger.Label], Author = Bot },
        ]);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task A_restarted_process_builds_the_same_settings_from_a_recent_read_without_calling_GitHub()
    {
        var first = await (await CacheAsync()).GetAsync(Repo, CancellationToken.None);
        github.ClearReceivedCalls();

        time.Advance(RepoSettingsCache.Lifetime / 2);
        var again = await (await CacheAsync()).GetAsync(Repo, CancellationToken.None);

        Assert.Equal("outage", again.Config.IncidentLabel);
        Assert.Equal(["ops"], again.Config.Labels);
        Assert.Equal(["primary"], again.Config.OnCall!.Rotations.Keys);
        Assert.Equal((42, 42), (first.Taken.Issue, again.Taken.Issue));
        Assert.Empty(again.Problems);
        Assert.Empty(github.ReceivedCalls());
    }

    [Fact]
    public async Task A_read_as_old_as_the_lifetime_is_made_again_so_edits_still_take_effect()
    {
        await (await CacheAsync()).GetAsync(Repo, CancellationToken.None);
        github.GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>()).Returns("incident_label: edited\n");

        time.Advance(RepoSettingsCache.Lifetime);
        var settings = await (await CacheAsync()).GetAsync(Repo, CancellationToken.None);

        Assert.Equal("edited", settings.Config.IncidentLabel);
    }

    [Fact]
    public async Task A_forgotten_read_is_gone_for_the_next_process_too()
    {
        await (await CacheAsync()).ForgetAsync(Repo, CancellationToken.None);
        var cache = await CacheAsync();
        await cache.GetAsync(Repo, CancellationToken.None);
        await cache.ForgetAsync(Repo, CancellationToken.None);
        github.ClearReceivedCalls();

        await (await CacheAsync()).GetAsync(Repo, CancellationToken.None);

        await github.Received(1).GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_repository_never_gets_another_repository_s_kept_settings()
    {
        await (await CacheAsync()).GetAsync(Repo, CancellationToken.None);

        var other = await (await CacheAsync()).GetAsync(Other, CancellationToken.None);

        Assert.Equal("rival-outage", other.Config.IncidentLabel);
        await github.Received(1).GetFileAsync(Other, ConfigPath, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_repositories_read_are_listed_most_recent_first_up_to_the_limit_and_a_forgotten_one_is_not()
    {
        var snapshots = backend.SettingsSnapshots(await backend.OpenAsync());
        Assert.Empty(await snapshots.ListAsync(10, CancellationToken.None));
        var third = new RepoRef("Acme", "Third");
        foreach (var repo in new[] { Repo, Other, third })
        {
            await snapshots.SaveAsync(repo, new SettingsSnapshot(time.GetUtcNow(), [], null), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([third, Other, Repo], await snapshots.ListAsync(10, CancellationToken.None));
        Assert.Equal([third, Other], await backend.SettingsSnapshots(await backend.OpenAsync()).ListAsync(2, CancellationToken.None));
        await snapshots.ForgetAsync(Other, CancellationToken.None);
        Assert.Equal([third, Repo], await snapshots.ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task A_fresh_read_whose_maintenance_windows_differ_from_the_kept_ones_is_told()
    {
        const string Window = "maintenance:\n  - { matchers: ['namespace=\"db\"'], days: sat }\n";
        var changes = new MaintenanceChanges();
        github.GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>()).Returns(Window);
        await (await CacheAsync(changes)).GetAsync(Repo, CancellationToken.None);
        Assert.True(changes.Changed.TryRead(out var first));
        Assert.Equal(Repo, first);

        // A young snapshot, then a fresh read of the same windows: nothing to tell.
        await (await CacheAsync(changes)).GetAsync(Repo, CancellationToken.None);
        time.Advance(RepoSettingsCache.Lifetime);
        await (await CacheAsync(changes)).GetAsync(Repo, CancellationToken.None);
        Assert.False(changes.Changed.TryRead(out _));

        // The window removed: told, so its pending silences are expired soon.
        github.GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>()).Returns("incident_label: outage\n");
        time.Advance(RepoSettingsCache.Lifetime);
        await (await CacheAsync(changes)).GetAsync(Repo, CancellationToken.None);
        Assert.True(changes.Changed.TryRead(out _));
    }

    [Fact]
    public async Task A_maintenance_pass_reads_every_repository_from_GitHub_only_hourly_and_the_stored_settings_between()
    {
        const string Window = "maintenance:\n  - { matchers: ['namespace=\"db\"'], days: sat }\n";
        github.GetFileAsync(Repo, ConfigPath, Arg.Any<CancellationToken>()).Returns(Window);
        var cache = await CacheAsync();
        await cache.GetAsync(Repo, CancellationToken.None);
        await cache.GetAsync(Other, CancellationToken.None);
        using var metrics = new DeliveryMetrics();
        // No Alertmanager: the sync itself reads nothing, so every read seen is the pass's own.
        var sync = new MaintenanceSync(cache, new MaintenanceScope(MaintenanceSilenceScope.All), metrics, time, NullLogger<MaintenanceSync>.Instance);
        var pass = new MaintenancePass(
            sync, cache, backend.SettingsSnapshots(await backend.OpenAsync()), new MaintenanceChanges(), time, NullLogger<MaintenancePass>.Instance, defaultRepo: null);

        async Task<int> ReadsOfAPassAfterAsync(TimeSpan wait)
        {
            time.Advance(wait);
            github.ClearReceivedCalls();
            await pass.RunAsync(CancellationToken.None);
            return github.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(IGitHubPort.GetFileAsync));
        }

        Assert.True(await ReadsOfAPassAfterAsync(MaintenancePass.Interval) >= 2);
        Assert.Equal(0, await ReadsOfAPassAfterAsync(MaintenancePass.Interval));
        Assert.Equal(0, await ReadsOfAPassAfterAsync(MaintenancePass.Interval));
        Assert.True(await ReadsOfAPassAfterAsync(MaintenancePass.FreshReadInterval - (2 * MaintenancePass.Interval)) >= 2);
        Assert.Single((await cache.GetKeptAsync(Repo, CancellationToken.None))!.Config.Maintenance);
        Assert.Null(await cache.GetKeptAsync(new RepoRef("acme", "never-read"), CancellationToken.None));
    }

    /// <summary>A cache as a freshly started process has it: nothing in memory, the database opened anew.</summary>
    private async Task<RepoSettingsCache> CacheAsync(MaintenanceChanges? changes = null) =>
        new(github, new FixedBotIdentity(Bot), time, NullLogger<RepoSettingsCache>.Instance,
            snapshots: backend.SettingsSnapshots(await backend.OpenAsync()), changes: changes);
}
