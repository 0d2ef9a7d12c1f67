using System.Text;
using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp;

/// <summary>
/// The credentials Alertmanager's <c>http_config</c> sends: <c>authorization</c> (Bearer) or <c>basic_auth</c>,
/// whose password is the token; <see cref="AlertmanagerCallers"/> tells whose it is.
/// </summary>
public static class AlertmanagerAuth
{
    /// <summary>The token the request presents; null when it presents none.</summary>
    public static string? Token(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(header) || space <= 0)
        {
            return null;
        }

        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The 401 for a request without a configured token.</summary>
    public static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"alertmanager\"";
        return Results.Json(new { error = AlertmanagerCallers.Refusal, problems = Array.Empty<string>() }, statusCode: StatusCodes.Status401Unauthorized);
    }
}
