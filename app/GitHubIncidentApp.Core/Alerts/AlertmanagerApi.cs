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

    /// <summary>The Alertmanager read from, as templates should link to it (no trailing slash).</summary>
    public string ExternalUrl => baseUrl.AbsoluteUri.TrimEnd('/');

    public Uri GroupsUrl => new(new Uri(ExternalUrl + "/"), GroupsPath);

    public async Task<IReadOnlyList<AlertGroup>> GetAlertGroupsAsync(CancellationToken cancellationToken)
    {
        var describe = $"Could not read the alerts from Alertmanager at GET {GroupsUrl}";
        var (status, body) = await AlertmanagerHttp.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, GroupsUrl), describe, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new AlertmanagerUnavailableException($"{describe}: {AlertmanagerHttp.Answered(status, body)}; {AlertmanagerHttp.StatusFix}.", null);
        }

        var parsed = AlertGroupsParser.Parse(body);
        return parsed.Groups
            ?? throw new AlertmanagerUnavailableException($"{describe}: its answer is not Alertmanager's alert groups: {string.Join("; ", parsed.Errors)}; check that the URL points at Alertmanager (API v2, version 0.16 or later), not at another service.", null);
    }
}

/// <summary>Alertmanager's alerts could not be read; the message says what happened and what to check.</summary>
public sealed class AlertmanagerUnavailableException(string message, Exception? inner) : Exception(message, inner);
