using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GitHubIncidentApp.Core.Alerts.Matchers;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// Alertmanager's silences through its API v2: <c>POST /api/v2/silences</c>, <c>GET</c> and <c>DELETE /api/v2/silence/{id}</c>.
/// A call that fails throws <see cref="AlertmanagerUnavailableException"/> (no answer) or <see cref="AlertmanagerSilenceException"/>
/// (a refusal or an answer that is not Alertmanager's), each saying what went wrong and what to check.
/// </summary>
/// <param name="http">Carries the credentials Alertmanager (or the proxy before it) wants, as a default header.</param>
public sealed class AlertmanagerSilences(HttpClient http, Uri baseUrl) : ISilencePort
{
    private readonly string _base = baseUrl.AbsoluteUri.TrimEnd('/');

    public string LinkTo(string id) => $"{_base}/#/silences/{Uri.EscapeDataString(id)}";

    public async Task<string> CreateAsync(SilenceRequest request, CancellationToken cancellationToken)
    {
        var url = new Uri($"{_base}/api/v2/silences");
        var describe = $"Alertmanager did not create the silence at POST {url}";
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(Postable(request)) };
        var (status, body) = await AlertmanagerHttp.SendAsync(http, message, describe, cancellationToken);
        if (status == HttpStatusCode.BadRequest)
        {
            throw new AlertmanagerSilenceException($"{describe}: it refused the silence ({AlertmanagerHttp.Excerpt(body)}); the matchers or times are not ones it takes.");
        }

        if (status != HttpStatusCode.OK)
        {
            throw new AlertmanagerSilenceException($"{describe}: {AlertmanagerHttp.Answered(status, body)}; {AlertmanagerHttp.StatusFix}.");
        }

        return Read(body, describe, root => root.GetProperty("silenceID").GetString()) is { Length: > 0 } id
            ? id
            : throw NotAlertmanager(describe, "no silenceID");
    }

    public async Task<bool> ExpireAsync(string id, CancellationToken cancellationToken)
    {
        // Alertmanager answers 200 (0.25) or 500 (later) for a silence that has already ended: asking first tells them apart.
        if (await GetAsync(id, cancellationToken) is not { State: not Silence.Expired })
        {
            return false;
        }

        var url = SilenceUrl(id);
        var describe = $"Alertmanager did not expire the silence at DELETE {url}";
        var (status, body) = await AlertmanagerHttp.SendAsync(http, new HttpRequestMessage(HttpMethod.Delete, url), describe, cancellationToken);
        return status is HttpStatusCode.OK or HttpStatusCode.NotFound
            ? status == HttpStatusCode.OK
            : throw new AlertmanagerSilenceException($"{describe}: {AlertmanagerHttp.Answered(status, body)}; {AlertmanagerHttp.StatusFix}.");
    }

    public async Task<Silence?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var url = SilenceUrl(id);
        var describe = $"Could not read the silence from Alertmanager at GET {url}";
        var (status, body) = await AlertmanagerHttp.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, url), describe, cancellationToken);
        return status switch
        {
            HttpStatusCode.NotFound => null,
            HttpStatusCode.OK => Read(body, describe, ReadSilence),
            _ => throw new AlertmanagerSilenceException($"{describe}: {AlertmanagerHttp.Answered(status, body)}; {AlertmanagerHttp.StatusFix}."),
        };
    }

    private Uri SilenceUrl(string id) => new($"{_base}/api/v2/silence/{Uri.EscapeDataString(id)}");

    private static object Postable(SilenceRequest request) => new
    {
        matchers = request.Matchers.Select(m => new
        {
            name = m.Name,
            value = m.Value,
            isRegex = m.Operator is MatchOperator.Regex or MatchOperator.NotRegex,
            isEqual = m.Operator is MatchOperator.Equal or MatchOperator.Regex,
        }),
        startsAt = request.StartsAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        endsAt = request.EndsAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        createdBy = request.CreatedBy,
        comment = request.Comment,
    };

    private static Silence ReadSilence(JsonElement root) => new(
        root.GetProperty("id").GetString()!,
        root.GetProperty("status").GetProperty("state").GetString()!,
        [.. root.GetProperty("matchers").EnumerateArray().Select(ReadMatcher)],
        root.GetProperty("startsAt").GetDateTimeOffset(),
        root.GetProperty("endsAt").GetDateTimeOffset(),
        root.GetProperty("createdBy").GetString()!,
        root.GetProperty("comment").GetString()!);

    private static Matcher ReadMatcher(JsonElement matcher)
    {
        var regex = matcher.GetProperty("isRegex").GetBoolean();
        // isEqual came with Alertmanager 0.22; older ones have only equal matchers.
        var equal = !matcher.TryGetProperty("isEqual", out var isEqual) || isEqual.GetBoolean();
        var op = (regex, equal) switch
        {
            (false, true) => MatchOperator.Equal,
            (false, false) => MatchOperator.NotEqual,
            (true, true) => MatchOperator.Regex,
            _ => MatchOperator.NotRegex,
        };
        var created = Matcher.Create(matcher.GetProperty("name").GetString()!, op, matcher.GetProperty("value").GetString()!);
        return created.Value ?? throw new FormatException(created.Error);
    }

    private static T Read<T>(byte[] body, string describe, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw NotAlertmanager(describe, e.Message);
        }
    }

    private static AlertmanagerSilenceException NotAlertmanager(string describe, string what) =>
        new($"{describe}: its answer is not Alertmanager's ({what}); check that the URL points at Alertmanager (API v2, version 0.22 or later), not at another service.");
}
