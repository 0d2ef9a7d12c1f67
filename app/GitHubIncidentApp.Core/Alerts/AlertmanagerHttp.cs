using System.Net;
using System.Text;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// One call to Alertmanager's API v2, shared by its readers and writers: no answer becomes
/// <see cref="AlertmanagerUnavailableException"/> with what to check, and an answer is returned with its body.
/// </summary>
internal static class AlertmanagerHttp
{
    private const int BodyExcerptLength = 300;

    /// <summary>What to check when Alertmanager did not answer at all.</summary>
    public const string ReachFix = "check that the URL is right and that Alertmanager is reachable from where this runs (for the Action: a self-hosted runner inside the cluster)";

    /// <summary>What to check when Alertmanager answered with an unexpected status.</summary>
    public const string StatusFix = "check the URL (the Alertmanager base URL, without /api/v2) and any proxy or authentication in front of it (ALERTMANAGER_API_TOKEN for the App, the alertmanager-token input for the Action)";

    /// <param name="describe">The call as the message names it, such as <c>Could not read the alerts from Alertmanager at GET …</c>.</param>
    public static async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(HttpClient http, HttpRequestMessage request, string describe, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AlertmanagerUnavailableException($"{describe}: there was no answer ({e.Message}); {ReachFix}.", e);
        }
    }

    /// <summary>The start of a body, on one line, for a message.</summary>
    public static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "(empty body)" : text.Length <= BodyExcerptLength ? text : text[..BodyExcerptLength] + "…";
    }

    public static string Answered(HttpStatusCode status, byte[] body) => $"it answered {(int)status} {status}: {Excerpt(body)}";
}
