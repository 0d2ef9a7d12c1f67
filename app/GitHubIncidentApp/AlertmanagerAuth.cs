using System.Security.Cryptography;
using System.Text;

namespace GitHubIncidentApp;

/// <summary>
/// Checks the credentials Alertmanager's <c>http_config</c> sends: <c>authorization</c> (Bearer)
/// or <c>basic_auth</c>, whose password must be the token. Compared in constant time.
/// </summary>
public static class AlertmanagerAuth
{
    /// <summary>Null when the request carries the token (or none is configured, in development); else the 401 to answer.</summary>
    public static IResult? Refuse(HttpContext http, AppSettings settings)
    {
        if (settings.AlertmanagerToken is null || IsAuthorized(http.Request.Headers.Authorization, settings.AlertmanagerToken))
        {
            return null;
        }

        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"alertmanager\"";
        return Results.Json(
            new
            {
                error = "missing or wrong credentials: configure Alertmanager's webhook with http_config.authorization.credentials (or basic_auth password) set to ALERTMANAGER_TOKEN",
                problems = Array.Empty<string>(),
            },
            statusCode: StatusCodes.Status401Unauthorized);
    }

    public static bool IsAuthorized(string? authorizationHeader, string expectedToken)
    {
        var presented = TokenFrom(authorizationHeader);
        if (presented is null)
        {
            return false;
        }

        // Hashing first makes the comparison constant-time in the token's length too.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(expectedToken));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
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
