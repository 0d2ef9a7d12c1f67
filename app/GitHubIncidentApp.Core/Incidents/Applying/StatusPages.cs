using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Each repository's status page, built from its trusted markers and settings at most once per <see cref="Lifetime"/> (callers
/// at once share one build), for at most <see cref="MaxRepositories"/> repositories at once. Builds for callers without the
/// page's token are bounded as well (<see cref="MaxUntrustedBuilds"/> a minute), so that anyone requesting page after page
/// of repositories cannot turn the app into a stream of GitHub calls.
/// </summary>
public sealed partial class StatusPages(
    RepoSettingsCache settings, TrustedMarkers markers, IGitHubPort github, TimeProvider time, ILogger<StatusPages> logger) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Pages kept at once; each some kilobytes.</summary>
    public const int MaxRepositories = 1_000;

    /// <summary>Builds a minute for callers without a valid token; a page kept in the cache costs none.</summary>
    public const int MaxUntrustedBuilds = 60;

    private readonly KeyedAsyncCache<RepoRef, StatusPageAnswer> _cache = new(time, MaxRepositories, answer => answer.MadeAt + Lifetime);
    private readonly SlidingWindowAllowance _untrusted = new(time, MaxUntrustedBuilds, TimeSpan.FromMinutes(1));

    /// <summary>
    /// The repository's page as last built, or a new one. <paramref name="trusted"/>: the caller holds the page's token, and
    /// its builds are not bounded.
    /// </summary>
    /// <exception cref="StatusPagesBusyException">An untrusted caller's build is over the bound.</exception>
    public Task<StatusPageAnswer> GetAsync(RepoRef repo, bool trusted, CancellationToken cancellationToken) =>
        _cache.GetAsync(repo, key =>
        {
            if (!trusted && !_untrusted.TryTake(out var retryAfter))
            {
                throw new StatusPagesBusyException(retryAfter);
            }

            return BuildAsync(key, cancellationToken);
        }, cancellationToken);

    public void Dispose() => _cache.Dispose();

    private async Task<StatusPageAnswer> BuildAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IncidentConfig config;
        try
        {
            config = (await settings.GetAsync(repo, cancellationToken)).Config;
        }
        catch (GitHubAppNotInstalledException)
        {
            // Kept like a page that is not there: asking again within the minute costs no call.
            return StatusPageAnswer.None(now);
        }

        if (!config.StatusPage)
        {
            return StatusPageAnswer.None(now);
        }

        var isPrivate = await IsPrivateAsync(repo, cancellationToken);
        var open = await markers.ListAsync(repo, config, cancellationToken, openOnly: true);
        var recent = await markers.ListAsync(repo, config, cancellationToken, updatedSince: StatusPage.Since(config, now));
        var page = StatusPage.Build(repo.ToString(), config, open.Concat(recent), now);
        return new StatusPageAnswer(StatusPageHtml.Render(page), isPrivate, now);
    }

    /// <summary>Fails closed: when GitHub does not say, the page is taken as private and needs its token.</summary>
    private async Task<bool> IsPrivateAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        try
        {
            return await github.IsPrivateAsync(repo, cancellationToken);
        }
        catch (Exception ex) when (ex is GitHubApiException or GitHubUnavailableException)
        {
            LogPrivacyUnknown(repo.ToString(), ex.Message);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whether {Repo} is private could not be read, so its status page is served as a private one (with its token only): {Reason}")]
    private partial void LogPrivacyUnknown(string repo, string reason);
}

/// <summary>A built status page: its HTML, or null where there is none to show (the repository did not opt in, or is out of reach).</summary>
/// <param name="Private">Shown only with the page's token.</param>
public sealed record StatusPageAnswer(string? Html, bool Private, DateTimeOffset MadeAt)
{
    public static StatusPageAnswer None(DateTimeOffset at) => new(null, true, at);
}

/// <summary>Too many status pages were built for callers without a token in the last minute; try again after <see cref="RetryAfter"/>.</summary>
public sealed class StatusPagesBusyException(TimeSpan retryAfter)
    : Exception($"more than {StatusPages.MaxUntrustedBuilds} status pages were built in the last minute for requests without a token; retry in {Math.Ceiling(retryAfter.TotalSeconds)}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
