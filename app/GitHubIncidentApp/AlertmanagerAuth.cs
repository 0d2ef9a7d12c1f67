using System.Text;

namespace GitHubIncidentApp;

/// <summary>
/// Checks the credentials Alertmanager's <c>http_config</c> sends: <c>authorization</c> (Bearer)
/// or <c>basic_auth</c>, whose password must be one of the configured tokens. The presented token's hash is
/// compared in constant time with every token's, so the answer takes as long whichever token matches.
/// </summary>
public static class AlertmanagerAuth
{
    /// <summary>The token the request carries (or the open one, in development without tokens); null when it carries none of them.</summary>
    public static AlertmanagerToken? Caller(HttpContext http, AppSettings settings)
    {
        if (settings.AlertmanagerTokens is [{ OpenToAnyone: true } open])
        {
            return open;
        }

        if (TokenFrom(http.Request.Headers.Authorization) is not { } presented)
        {
            return null;
        }

        var hash = AlertmanagerToken.Hash(presented);
        AlertmanagerToken? matched = null;
        foreach (var token in settings.AlertmanagerTokens)
        {
            // No early exit: every token is compared.
            if (token.Matches(hash))
            {
                matched = token;
            }
        }

        return matched;
    }

    /// <summary>The 401 for a request without a configured token.</summary>
    public static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"alertmanager\"";
        return Results.Json(
            new
            {
                error = $"missing or wrong credentials: configure Alertmanager's webhook with http_config.authorization.credentials (or basic_auth password) set to {AlertmanagerTokenSettings.Plain} (or to the {AlertmanagerTokenSettings.Plain}_<NAME> given to this Alertmanager)",
                problems = Array.Empty<string>(),
            },
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static string? TokenFrom(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
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
}
