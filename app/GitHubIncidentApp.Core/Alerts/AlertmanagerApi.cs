using System.Net;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// Reads the alert groups from Alertmanager's API v2. Every way the read can fail (no answer, an error status,
/// a body that is not alert groups) throws <see cref="AlertmanagerUnavailableException"/>: an empty answer
/// must only ever mean that no alert is active.
/// </summary>
public sealed class AlertmanagerApi(HttpClient http, Uri baseUrl)
{
    public const string GroupsPath = "api/v2/alerts/groups";
    private const int BodyExcerptLength = 300;

    /// <summary>The Alertmanager read from, as templates should link to it (no trailing slash).</summary>
    public string ExternalUrl => baseUrl.AbsoluteUri.TrimEnd('/');

    public Uri GroupsUrl => new(new Uri(ExternalUrl + "/"), GroupsPath);

    public async Task<IReadOnlyList<AlertGroup>> GetAlertGroupsAsync(CancellationToken cancellationToken)
    {
        byte[] body;
        HttpStatusCode status;
        try
        {
            using var response = await http.GetAsync(GroupsUrl, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unavailable($"there was no answer ({e.Message})", "check that the URL is right and that Alertmanager is reachable from where this runs (for the Action: a self-hosted runner inside the cluster)", e);
        }

        if (status != HttpStatusCode.OK)
        {
            throw Unavailable($"it answered {(int)status} {status}: {Excerpt(body)}", "check the URL (the Alertmanager base URL, without /api/v2) and any proxy or authentication in front of it", null);
        }

        var parsed = AlertGroupsParser.Parse(body);
        return parsed.Groups
            ?? throw Unavailable($"its answer is not Alertmanager's alert groups: {string.Join("; ", parsed.Errors)}", "check that the URL points at Alertmanager (API v2, version 0.16 or later), not at another service", null);
    }

    private AlertmanagerUnavailableException Unavailable(string what, string fix, Exception? inner) =>
        new($"Could not read the alerts from Alertmanager at GET {GroupsUrl}: {what}; {fix}.", inner);

    private static string Excerpt(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "(empty body)" : text.Length <= BodyExcerptLength ? text : text[..BodyExcerptLength] + "…";
    }
}

/// <summary>Alertmanager's alerts could not be read; the message says what happened and what to check.</summary>
public sealed class AlertmanagerUnavailableException(string message, Exception? inner) : Exception(message, inner);
