namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// Which configured token a request presents (Alertmanager's <c>http_config</c>: <c>authorization</c> or
/// <c>basic_auth</c>'s password). The presented token's hash is compared in constant time with every token's, so the
/// answer takes as long whichever token matches.
/// </summary>
public sealed class AlertmanagerCallers(IReadOnlyList<AlertmanagerToken> tokens)
{
    /// <summary>What a request without a configured token is told.</summary>
    public const string Refusal =
        $"missing or wrong credentials: configure Alertmanager's webhook with http_config.authorization.credentials (or basic_auth password) set to {AlertmanagerTokenSettings.Plain} (or to the {AlertmanagerTokenSettings.Plain}_<NAME> given to this Alertmanager)";

    /// <summary>The token presented (or the open one, in development without tokens); null when it is none of them.</summary>
    public AlertmanagerToken? Caller(string? presented)
    {
        if (tokens is [{ OpenToAnyone: true } open])
        {
            return open;
        }

        if (presented is null)
        {
            return null;
        }

        var hash = AlertmanagerToken.Hash(presented);
        AlertmanagerToken? matched = null;
        foreach (var token in tokens)
        {
            // No early exit: every token is compared.
            if (token.Matches(hash))
            {
                matched = token;
            }
        }

        return matched;
    }
}
