using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>Checks a GitHub App JWT the way GitHub does: RS256, signed by the app's key, iss = app id, a short life.</summary>
internal sealed class FakeAppJwtValidator(RSA publicKey, long appId, TimeProvider time)
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);
    private readonly Lock _keyGate = new();

    /// <summary>Null when valid, otherwise why not (sent back as the 401 message).</summary>
    public string? Validate(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "A JSON web token could not be decoded: expected three dot-separated parts.";
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "RS256")
            {
                return "A JSON web token could not be decoded: alg must be RS256.";
            }

            if (!Verify(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2])))
            {
                return "A JSON web token could not be decoded: the signature does not match the app's public key.";
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return ValidateClaims(payload.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return $"A JSON web token could not be decoded: {e.Message}";
        }
    }

    // Requests are handled concurrently, and RSA instances are not documented as thread-safe.
    private bool Verify(byte[] signed, byte[] signature)
    {
        lock (_keyGate)
        {
            return publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    private string? ValidateClaims(JsonElement claims)
    {
        var iss = claims.GetProperty("iss");
        var issuer = iss.ValueKind == JsonValueKind.Number ? iss.GetInt64().ToString(CultureInfo.InvariantCulture) : iss.GetString();
        if (issuer != appId.ToString(CultureInfo.InvariantCulture))
        {
            return $"'Issuer' claim ('iss') must be the app id {appId}, was '{issuer}'.";
        }

        var now = time.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("iat").GetInt64());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        if (issuedAt > now + ClockSkew)
        {
            return "'Issued at' claim ('iat') must be an Integer representing a time in the past.";
        }

        if (expires <= now)
        {
            return "'Expiration time' claim ('exp') is in the past.";
        }

        return expires - issuedAt > MaxLifetime
            ? "'Expiration time' claim ('exp') is too far in the future."
            : null;
    }
}
