using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// When the App syncs maintenance silences (<see cref="MaintenanceSync"/>): a pass every <see cref="Interval"/> over the
/// repositories it works for (those whose settings it has read, and DEFAULT_REPO's), and in between the repositories whose
/// windows changed when their settings were read fresh (<see cref="MaintenanceChanges"/>). One repository's failure is
/// logged and the others go on. The work is bounded: at most <see cref="RepoSettingsCache.MaxRepositories"/> repositories,
/// each with at most 10 windows planned 7 days ahead.
/// </summary>
public sealed partial class MaintenancePass(
    MaintenanceSync sync, RepoSettingsCache settings, ISettingsSnapshots snapshots, MaintenanceChanges changes, TimeProvider time, ILogger<MaintenancePass> logger, RepoRef? defaultRepo)
{
    /// <summary>Often enough that a silence exists well before its window (they are created up to 7 days ahead).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often a pass reads every repository's settings from GitHub, to find windows added where no delivery made the app
    /// read them; the passes between cost no GitHub read for repositories whose stored settings have no windows.
    /// </summary>
    public static readonly TimeSpan FreshReadInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _lastFreshRead = DateTimeOffset.MinValue;

    public bool IsOn => sync.IsOn;

    /// <summary>Completes when a repository's windows changed (true), for <see cref="SyncChangedAsync"/>.</summary>
    public Task<bool> WaitForChangesAsync(CancellationToken cancellationToken) => changes.Changed.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>Every repository with windows; one without any is synced only when its windows changed (its last ones removed).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var repos = (await snapshots.ListAsync(RepoSettingsCache.MaxRepositories, cancellationToken)).ToList();
        if (defaultRepo is not null && !repos.Contains(defaultRepo))
        {
            repos.Add(defaultRepo);
        }

        var fresh = time.GetUtcNow() - _lastFreshRead >= FreshReadInterval;
        if (fresh)
        {
            _lastFreshRead = time.GetUtcNow();
        }

        foreach (var repo in repos)
        {
            await GuardedAsync(repo, async () =>
            {
                // Between fresh passes the stored settings say which repositories have windows; DEFAULT_REPO may have none stored yet.
                var known = fresh ? await settings.GetAsync(repo, cancellationToken)
                    : await settings.GetKeptAsync(repo, cancellationToken) ?? (repo == defaultRepo ? await settings.GetAsync(repo, cancellationToken) : null);
                if (known?.Config.Maintenance.Count > 0)
                {
                    await sync.SyncAsync(repo, cancellationToken);
                }
            }, cancellationToken);
        }
    }

    /// <summary>Syncs the repositories whose windows changed since the last call.</summary>
    public async Task SyncChangedAsync(CancellationToken cancellationToken)
    {
        while (changes.Changed.TryRead(out var repo))
        {
            await GuardedAsync(repo, () => sync.SyncAsync(repo, cancellationToken), cancellationToken);
        }
    }

    private async Task GuardedAsync(RepoRef repo, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(repo.ToString(), e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not sync the maintenance silences of {Repo} (its settings could not be read); the next pass tries again")]
    private partial void LogFailed(string repo, Exception exception);
}
