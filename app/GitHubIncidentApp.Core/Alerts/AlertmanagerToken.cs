using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// A token Alertmanager may present, by the setting that holds it, and the repositories its deliveries may reach.
/// Only the token's hash is kept; printed, it shows only its length.
/// </summary>
public sealed class AlertmanagerToken
{
    private readonly byte[]? _hash;
    private readonly int _length;

    private AlertmanagerToken(string setting, string scopeSetting, RepoScope scope, string? token)
    {
        Setting = setting;
        ScopeSetting = scopeSetting;
        Scope = scope;
        _hash = token is null ? null : Hash(token);
        _length = token?.Length ?? 0;
    }

    /// <summary><c>ALERTMANAGER_TOKEN</c> or <c>ALERTMANAGER_TOKEN_&lt;NAME&gt;</c>.</summary>
    public string Setting { get; }

    /// <summary>The setting that holds <see cref="Scope"/>: <c>ALLOWED_REPOS</c> or <c>ALLOWED_REPOS_&lt;NAME&gt;</c>.</summary>
    public string ScopeSetting { get; }

    public RepoScope Scope { get; }

    /// <summary>In development without any token, requests need none and reach the scope of <c>ALERTMANAGER_TOKEN</c>.</summary>
    public bool OpenToAnyone => _hash is null;

    public static AlertmanagerToken Of(string setting, string scopeSetting, RepoScope scope, string token) => new(setting, scopeSetting, scope, token);

    public static AlertmanagerToken None(RepoScope scope) => new(AlertmanagerTokenSettings.Plain, AlertmanagerTokenSettings.PlainScope, scope, null);

    /// <summary>SHA-256 of the token: compared in constant time whatever the lengths.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="presentedHash"/> is this token's, in time that does not depend on where they differ.</summary>
    public bool Matches(byte[] presentedHash) => _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, presentedHash);

    public bool SameTokenAs(AlertmanagerToken other) => _hash is not null && other._hash is not null && _hash.AsSpan().SequenceEqual(other._hash);

    public override string ToString() =>
        $"{Setting}={(OpenToAnyone ? "(not set)" : $"(set, {_length.ToString(CultureInfo.InvariantCulture)} chars)")}, {ScopeSetting}={Scope}";
}
