using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Brings one repository's maintenance silences in Alertmanager in step with its windows: its settings, the silences
/// Alertmanager lists, <see cref="MaintenancePlanner.Plan"/>, then each creation and expiry, a failure logged with what
/// to fix and counted without stopping the others. The whole runs under the repository's lock (shared by every replica
/// on PostgreSQL), so two replicas never both see a silence missing and both create it.
/// </summary>
/// <param name="port">Null when the host has no Alertmanager to reach (or only dry-runs): then nothing is synced.</param>
/// <param name="locks">Where repositories are locked: within this process unless given (several replicas share a database's).</param>
public sealed partial class MaintenanceSync(
    RepoSettingsCache settings, MaintenanceScope scope, DeliveryMetrics metrics, TimeProvider time, ILogger<MaintenanceSync> logger,
    ISilencePort? port = null, IIncidentLocks? locks = null)
{
    private readonly IIncidentLocks _locks = locks ?? new InProcessIncidentLocks();

    /// <summary>Whether syncing makes any silence: an Alertmanager to reach and a scope that is not <c>off</c>.</summary>
    public bool IsOn => port is not null && scope.CreatesSilences;

    public async Task<MaintenanceSyncResult> SyncAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        if (port is null || !scope.CreatesSilences)
        {
            return MaintenanceSyncResult.None;
        }

        // An incident's lock key starts with its repository (owner/name); this one with a word, so it is never an incident's.
        await using var held = await _locks.AcquireAsync($"maintenance {repo.ToString().ToLowerInvariant()}", cancellationToken);
        var windows = (await settings.GetAsync(repo, cancellationToken)).Config.Maintenance;
        IReadOnlyList<Silence> listed;
        try
        {
            listed = await port.ListAsync(cancellationToken);
        }
        catch (Exception e) when (e is AlertmanagerUnavailableException or AlertmanagerSilenceException)
        {
            return Failed(repo, MaintenanceSyncResult.None, "list the silences (nothing was created or expired)", e);
        }

        var plan = MaintenancePlanner.Plan(repo, windows, [.. listed.Select(ExistingSilence.Of)], time.GetUtcNow(), MaintenancePlanner.DefaultHorizon);
        var result = MaintenanceSyncResult.None;
        foreach (var planned in plan.Create)
        {
            try
            {
                var id = await port.CreateAsync(scope.Request(repo, planned), cancellationToken);
                metrics.MaintenanceSilences.Increment("created");
                LogCreated(repo.ToString(), id, planned.StartsAt, planned.EndsAt, planned.Matchers.ToString());
                result = result with { Created = [.. result.Created, planned] };
            }
            catch (Exception e) when (e is AlertmanagerUnavailableException or AlertmanagerSilenceException)
            {
                result = Failed(repo, result, $"create the silence for {planned.Matchers} from {MaintenanceSyncResult.Time(planned.StartsAt)}", e);
            }
        }

        foreach (var id in plan.Expire)
        {
            try
            {
                if (await port.ExpireAsync(id, cancellationToken))
                {
                    metrics.MaintenanceSilences.Increment("expired");
                    LogExpired(repo.ToString(), id);
                    result = result with { Expired = [.. result.Expired, id] };
                }
            }
            catch (Exception e) when (e is AlertmanagerUnavailableException or AlertmanagerSilenceException)
            {
                result = Failed(repo, result, $"expire the silence {id} of a window no longer in the config", e);
            }
        }

        return result;
    }

    private MaintenanceSyncResult Failed(RepoRef repo, MaintenanceSyncResult result, string what, Exception e)
    {
        metrics.MaintenanceSilences.Increment("failed");
        LogFailed(repo.ToString(), what, e.Message);
        return result with { Failures = [.. result.Failures, $"Could not {what}: {e.Message}"] };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance of {Repo}: created silence {Id} from {StartsAt} to {EndsAt} for {Matchers}")]
    private partial void LogCreated(string repo, string id, DateTimeOffset startsAt, DateTimeOffset endsAt, string matchers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance of {Repo}: expired silence {Id}, whose window is no longer in the config")]
    private partial void LogExpired(string repo, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Maintenance of {Repo}: could not {What}; the next sync tries again. {Problem}")]
    private partial void LogFailed(string repo, string what, string problem);
}

/// <summary>What one sync did in Alertmanager: the silences created, the ids expired, and each failure with what to fix.</summary>
public sealed record MaintenanceSyncResult(IReadOnlyList<PlannedSilence> Created, IReadOnlyList<string> Expired, IReadOnlyList<string> Failures)
{
    public static MaintenanceSyncResult None { get; } = new([], [], []);

    /// <summary>For a run's summary.</summary>
    public string Describe() =>
        $"Maintenance windows: {Created.Count} silence(s) created in Alertmanager{(Created.Count > 0 ? $" ({string.Join("; ", Created.Select(s => $"{s.Matchers} from {Time(s.StartsAt)} to {Time(s.EndsAt)}"))})" : "")}, "
        + $"{Expired.Count} expired{(Expired.Count > 0 ? $" ({string.Join(", ", Expired)})" : "")}"
        + (Failures.Count > 0 ? $"; {Failures.Count} failed: {string.Join(" ", Failures)}" : ".");

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
