using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Metrics;

namespace GitHubIncidentApp;

/// <summary>The on-call schedule as iCalendar feeds that calendars subscribe to, behind a per-feed token (see <see cref="FeedToken"/>).</summary>
public static partial class FeedEndpoints
{
    /// <summary>
    /// <c>GET /oncall/{owner}/{repo}.ics?token=…</c>: the repository's schedule; <c>GET /oncall/{owner}/{repo}/{login}.ics?token=…</c>:
    /// one person's shifts. A wrong or missing token, no <c>FEED_SECRET</c>, or no schedule answer 404 alike, before
    /// any GitHub call, so nobody learns which repositories exist or have feeds.
    /// </summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oncall/{owner}/{repo}.ics", async (string owner, string repo, string? token, AppSettings settings, OnCallFeeds feeds, MetricsRegistry metrics, ILogger<OnCallFeeds> logger, CancellationToken cancellationToken) =>
            Counted(metrics, await ServeAsync(owner, repo, null, token, settings, feeds, logger, cancellationToken)));
        app.MapGet("/oncall/{owner}/{repo}/{login}.ics", async (string owner, string repo, string login, string? token, AppSettings settings, OnCallFeeds feeds, MetricsRegistry metrics, ILogger<OnCallFeeds> logger, CancellationToken cancellationToken) =>
            Counted(metrics, await ServeAsync(owner, repo, login, token, settings, feeds, logger, cancellationToken)));
        return app;
    }

    private static IResult Counted(MetricsRegistry metrics, (IResult Result, string Outcome) served)
    {
        metrics.FeedRequests.Increment(served.Outcome);
        return served.Result;
    }

    private static async Task<(IResult, string)> ServeAsync(
        string owner, string name, string? person, string? token, AppSettings settings, OnCallFeeds feeds, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.FeedSecret is not { } secret
            || RepoRef.Parse($"{owner}/{name}").Repo is not { } repo
            || !FeedToken.Opens(secret, repo, person, token))
        {
            return (Results.NotFound(), "refused");
        }

        try
        {
            return await feeds.GetAsync(repo, person, cancellationToken) is { } calendar
                ? (Results.Text(calendar, "text/calendar; charset=utf-8"), "served")
                : (Results.NotFound(), "not_found");
        }
        catch (GitHubAppNotInstalledException)
        {
            return (Results.NotFound(), "not_found");
        }
        catch (Exception ex) when (ex is GitHubUnavailableException or GitHubApiException or BaseNotFetchedException)
        {
            LogUnavailable(logger, repo.ToString(), ex.Message);
            return (Results.StatusCode(StatusCodes.Status503ServiceUnavailable), "unavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The on-call feed of {Repo} could not be made: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string repo, string reason);
}
