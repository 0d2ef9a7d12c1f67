using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Metrics;

namespace GitHubIncidentApp;

/// <summary>The status pages of the repositories that opt in (<c>status_page: true</c>); a private repository's behind its token (see <see cref="FeedToken"/>).</summary>
public static partial class StatusEndpoints
{
    /// <summary>Where a repository's status page is served.</summary>
    public static string PathOf(RepoRef repo) => $"/status/{repo.Owner}/{repo.Name}";

    /// <summary>
    /// <c>GET /status/{owner}/{repo}[?token=…]</c>: the page as HTML. A repository that did not opt in, is out of the app's reach
    /// or does not exist, and a private one without its token (or without <c>FEED_SECRET</c>), answer the same 404, so nobody
    /// learns which repositories exist. 503 with <c>Retry-After</c> when GitHub cannot be read or too many pages were built for
    /// callers without a token.
    /// </summary>
    public static IEndpointRouteBuilder MapStatusPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status/{owner}/{repo}", async (
            HttpContext context, string owner, string repo, string? token, AppSettings settings, StatusPages pages, MetricsRegistry metrics, ILogger<StatusPages> logger, CancellationToken cancellationToken) =>
        {
            var (result, outcome) = await ServeAsync(context, owner, repo, token, settings, pages, logger, cancellationToken);
            metrics.StatusPageRequests.Increment(outcome);
            return result;
        });
        return app;
    }

    private static async Task<(IResult, string)> ServeAsync(
        HttpContext context, string owner, string repo, string? token, AppSettings settings, StatusPages pages, ILogger logger, CancellationToken cancellationToken)
    {
        if (RepoRef.Parse($"{owner}/{repo}").Repo is not { } parsed)
        {
            return (Results.NotFound(), "not_found");
        }

        var trusted = settings.FeedSecret is { } secret && FeedToken.OpensPath(secret, PathOf(parsed), token);
        StatusPageAnswer answer;
        try
        {
            answer = await pages.GetAsync(parsed, trusted, cancellationToken);
        }
        catch (StatusPagesBusyException ex)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(ex.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (Results.Text(ex.Message + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable), "busy");
        }
        catch (Exception ex) when (ex is GitHubUnavailableException or GitHubApiException or BaseNotFetchedException)
        {
            LogUnavailable(logger, parsed.ToString(), ex.Message);
            context.Response.Headers.RetryAfter = "60";
            return (Results.StatusCode(StatusCodes.Status503ServiceUnavailable), "unavailable");
        }

        if (answer.Html is not { } html || (answer.Private && !trusted))
        {
            return (Results.NotFound(), "not_found");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = StatusPageStyle.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // The links to GitHub must not carry a private page's token away in the Referer; nor may shared caches keep that page.
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = answer.Private ? "private, no-store" : $"public, max-age={(int)StatusPages.Lifetime.TotalSeconds}";
        return (Results.Content(html, "text/html; charset=utf-8"), "served");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status page of {Repo} could not be made: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string repo, string reason);
}
