using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>The RS256 JSON Web Token a GitHub App signs with its private key to call the <c>/app</c> endpoints.</summary>
public sealed class AppJwt
{
    // GitHub rejects tokens that live longer than 10 minutes; backdating iat absorbs clock drift.
    private static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);

    private readonly long _appId;
    private readonly string _privateKeyPem;
    private readonly TimeProvider _time;

    public AppJwt(long appId, string privateKeyPem, TimeProvider timeProvider)
    {
        if (appId <= 0)
        {
            throw new ArgumentException($"The GitHub App id must be a positive number, was {appId}: set APP_ID to the id shown on the app's settings page.", nameof(appId));
        }

        _appId = appId;
        _privateKeyPem = privateKeyPem;
        _time = timeProvider;
        ImportKey().Dispose(); // a bad key fails at startup rather than on the first delivery
    }

    public string Create()
    {
        var now = _time.GetUtcNow();
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"iat":{{(now - Backdate).ToUnixTimeSeconds()}},"exp":{{(now + Lifetime).ToUnixTimeSeconds()}},"iss":"{{_appId}}"}""");
        var signingInput = $"{Header}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";

        // A fresh RSA per token: tokens are minted only on cache misses, and RSA instances are not documented as thread-safe.
        using var rsa = ImportKey();
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private RSA ImportKey()
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(_privateKeyPem);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException(
                "The GitHub App private key is not an RSA private key in PEM form ('-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----'): "
                + $"{e.Message} Set PRIVATE_KEY (or PRIVATE_KEY_PATH) to the .pem file generated on the app's settings page.",
                e);
        }
    }
}
