using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// Each repository's settings, with the bases its config extends, read from GitHub at most once per
/// <see cref="Lifetime"/>, so that a burst of deliveries costs no extra calls and an edited config file
/// (its own or an org-wide base) still takes effect soon.
/// </summary>
/// <param name="bot">Whom the app writes as: only its own ledger issue says who took over on call.</param>
/// <param name="configPath">Where each repository keeps its config file; the App uses the default, the Action its <c>config</c> input.</param>
public sealed partial class RepoSettingsCache(IGitHubPort github, IBotIdentity bot, TimeProvider time, ILogger<RepoSettingsCache> logger, string configPath = IncidentConfig.FilePath)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // Workers that need one repository's settings at once wait for a single read.
    private readonly KeyedAsyncCache<RepoRef, (RepoSettings Settings, DateTimeOffset ReadAt)> _cache =
        new(entry => time.GetUtcNow() - entry.ReadAt < Lifetime);

    public async Task<RepoSettings> GetAsync(RepoRef repo, CancellationToken cancellationToken) =>
        (await _cache.GetAsync(repo, r => ReadAsync(r, cancellationToken), cancellationToken)).Settings;

    /// <summary>The next read of <paramref name="repo"/>'s settings goes to GitHub (after the app changed them).</summary>
    public void Forget(RepoRef repo) => _cache.TryRemove(repo, out _);

    private async Task<(RepoSettings, DateTimeOffset)> ReadAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        // Bases are read with this repository's installation: another owner's private defaults stay out of reach.
        var settings = await RepoSettings.LoadAsync(
            repo, (path, ct) => github.GetFileAsync(repo, path, ct), (other, path, ct) => github.GetFileAsync(repo, other, path, ct), cancellationToken, configPath);
        if (settings.Config.OnCall is not null)
        {
            settings = settings.With(await ReadTakenOverridesAsync(repo, cancellationToken));
        }

        foreach (var problem in settings.Problems)
        {
            LogProblem(repo.ToString(), problem);
        }

        return (settings, readAt);
    }

    private async Task<TakenOverrides> ReadTakenOverridesAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var login = await bot.GetLoginAsync(cancellationToken);
        var ledger = (await github.ListIssuesWithLabelAsync(repo, OverrideLedger.Label, cancellationToken))
            .Where(issue => issue.IsOpen && string.Equals(issue.Author, login, StringComparison.OrdinalIgnoreCase))
            .MinBy(issue => issue.Number);
        return ledger is null ? TakenOverrides.None : new TakenOverrides(ledger.Number, OverrideLedger.Read(ledger.Body));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings of {Repo} have a problem; defaults are used where it applies: {Problem}")]
    private partial void LogProblem(string repo, string problem);
}
