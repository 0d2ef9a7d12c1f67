using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>
/// Each repository's settings, with the bases its config extends, read from GitHub at most once per
/// <see cref="Lifetime"/>, so that a burst of deliveries costs no extra calls and an edited config file
/// (its own or an org-wide base) still takes effect soon. With <paramref name="snapshots"/>, what a read found is
/// kept in the database too, and a restarted process (or another replica) builds the settings from it while it is
/// younger than <see cref="Lifetime"/>.
/// </summary>
/// <param name="bot">Whom the app writes as: only its own ledger issue says who took over on call.</param>
/// <param name="changes">Told of each fresh read whose maintenance windows differ from the snapshot's (the App's, to sync them soon).</param>
/// <param name="configPath">Where each repository keeps its config file; the App uses the default, the Action its <c>config</c> input.</param>
public sealed partial class RepoSettingsCache(
    IGitHubPort github,
    IBotIdentity bot,
    TimeProvider time,
    ILogger<RepoSettingsCache> logger,
    string configPath = IncidentConfig.FilePath,
    ISettingsSnapshots? snapshots = null,
    MaintenanceChanges? changes = null,
    IssueTypeCheck? issueTypes = null,
    SeverityFields? severityFields = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Repositories whose settings are kept at once; past it the least recently used are read again when needed.</summary>
    public const int MaxRepositories = 1_000;

    // Workers that need one repository's settings at once wait for a single read.
    private readonly KeyedAsyncCache<RepoRef, (RepoSettings Settings, DateTimeOffset ReadAt)> _cache =
        new(time, MaxRepositories, entry => entry.ReadAt + Lifetime);

    /// <remarks>What the app learned on GitHub since (an issue type or severity field it does not set) is among the problems.</remarks>
    public async Task<RepoSettings> GetAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var settings = (await _cache.GetAsync(repo, r => ReadAsync(r, cancellationToken), cancellationToken)).Settings;
        IReadOnlyList<ConfigProblem> learned = [.. issueTypes?.ProblemsOf(repo, settings.Config) ?? [], .. severityFields?.ProblemsOf(repo, settings.Config) ?? []];
        return learned.Count > 0 ? settings with { Problems = [.. settings.Problems, .. learned] } : settings;
    }

    /// <summary>The next read of <paramref name="repo"/>'s settings goes to GitHub (after the app changed them).</summary>
    public async Task ForgetAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        _cache.TryRemove(repo, out _);
        if (snapshots is not null)
        {
            await snapshots.ForgetAsync(repo, cancellationToken);
        }
    }

    private async Task<(RepoSettings, DateTimeOffset)> ReadAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var kept = snapshots is null ? null : await snapshots.FindAsync(repo, cancellationToken);
        var young = kept is not null && time.GetUtcNow() - kept.ReadAt < Lifetime;
        // An older snapshot is rebuilt too when windows are watched: it holds the windows the fresh read is compared with.
        var rebuilt = kept is not null && (young || changes is not null) ? await RebuildAsync(repo, kept, cancellationToken) : null;
        var (settings, readAt) = young && rebuilt is not null ? (rebuilt, kept!.ReadAt) : await ReadFromGitHubAsync(repo, cancellationToken);
        if (readAt != kept?.ReadAt)
        {
            changes?.Compare(repo, rebuilt?.Config.Maintenance, settings.Config.Maintenance);
        }

        foreach (var problem in settings.Problems)
        {
            LogProblem(repo.ToString(), problem.ToString());
        }

        return (settings, readAt);
    }

    private async Task<(RepoSettings, DateTimeOffset)> ReadFromGitHubAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var files = new List<SnapshotFile>();
        // Bases are read with this repository's installation: another owner's private defaults stay out of reach.
        var settings = await LoadAsync(repo, async (from, path, ct) =>
        {
            var content = from == repo ? await github.GetFileAsync(repo, path, ct) : await github.GetFileAsync(repo, from, path, ct);
            lock (files)
            {
                files.Add(new SnapshotFile(from.ToString(), path, content));
            }

            return content;
        }, cancellationToken);
        SnapshotLedger? ledger = null;
        if (settings.Config.OnCall is not null)
        {
            ledger = await ReadLedgerAsync(repo, cancellationToken);
            settings = settings.With(Taken(ledger));
        }

        if (snapshots is not null)
        {
            await snapshots.SaveAsync(repo, new SettingsSnapshot(readAt, files, ledger), cancellationToken);
        }

        return (settings, readAt);
    }

    /// <summary>
    /// The settings as the last read stored them, however old, without calling GitHub; null when none are stored (or
    /// they cannot be rebuilt). For passes over every known repository, which must not cost a read each.
    /// </summary>
    public async Task<RepoSettings?> GetKeptAsync(RepoRef repo, CancellationToken cancellationToken) =>
        snapshots is not null && await snapshots.FindAsync(repo, cancellationToken) is { } kept ? await RebuildAsync(repo, kept, cancellationToken) : null;

    /// <summary>The settings from what an earlier read found; null when that read lacks a file this one asks for.</summary>
    private async Task<RepoSettings?> RebuildAsync(RepoRef repo, SettingsSnapshot kept, CancellationToken cancellationToken)
    {
        var files = new Dictionary<(string Repo, string Path), string?>();
        foreach (var file in kept.Files)
        {
            files[(file.Repo, file.Path)] = file.Content;
        }

        var complete = true;
        var settings = await LoadAsync(repo, (from, path, _) =>
        {
            complete &= files.TryGetValue((from.ToString(), path), out var content);
            return Task.FromResult(content);
        }, cancellationToken);
        return !complete ? null : settings.Config.OnCall is null ? settings : settings.With(Taken(kept.Ledger));
    }

    private Task<RepoSettings> LoadAsync(RepoRef repo, Func<RepoRef, string, CancellationToken, Task<string?>> read, CancellationToken cancellationToken) =>
        RepoSettings.LoadAsync(repo, (path, ct) => read(repo, path, ct), (other, path, ct) => read(other, path, ct), cancellationToken, configPath);

    private async Task<SnapshotLedger?> ReadLedgerAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var login = await bot.GetLoginAsync(cancellationToken);
        var ledger = (await github.ListIssuesWithLabelAsync(repo, OverrideLedger.Label, cancellationToken))
            .Where(issue => issue.IsOpen && string.Equals(issue.Author, login, StringComparison.OrdinalIgnoreCase))
            .MinBy(issue => issue.Number);
        return ledger is null ? null : new SnapshotLedger(ledger.Number, ledger.Body);
    }

    private static TakenOverrides Taken(SnapshotLedger? ledger) =>
        ledger is null ? TakenOverrides.None : new TakenOverrides(ledger.Issue, OverrideLedger.Read(ledger.Body));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings of {Repo} have a problem; defaults are used where it applies: {Problem}")]
    private partial void LogProblem(string repo, string problem);
}
