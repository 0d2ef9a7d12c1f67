using System.Security.Cryptography;
using System.Text;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp;

/// <summary>
/// The secret in an on-call calendar feed's URL: HMAC-SHA256, keyed with <c>FEED_SECRET</c>, of the feed's path
/// (lowercase, as GitHub names are), so each repository's and each person's feed has its own token, no token opens
/// another feed, and the app keeps no list of them. Changing <c>FEED_SECRET</c> revokes every URL at once.
/// </summary>
/// <remarks>
/// A setting of its own rather than one derived from <c>WEBHOOK_SECRET</c>: the operator can then revoke the
/// calendar URLs (which people paste into calendar apps and may leak) without touching the GitHub App's webhook.
/// </remarks>
public static class FeedToken
{
    public const string Setting = "FEED_SECRET";

    /// <summary>Shorter keys are refused: the token is only as hard to guess as the key.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Where a repository's feed (or with <paramref name="person"/> one person's) is served.</summary>
    public static string PathOf(RepoRef repo, string? person) =>
        person is null ? $"/oncall/{repo.Owner}/{repo.Name}.ics" : $"/oncall/{repo.Owner}/{repo.Name}/{person}.ics";

    /// <summary>The token of a feed's path.</summary>
    public static string Of(string secret, RepoRef repo, string? person)
    {
        // A label keeps this key's MACs apart from any other use the operator might make of the same secret.
        var message = Encoding.UTF8.GetBytes("incident-app oncall feed v1:" + PathOf(repo, person).ToLowerInvariant());
        return Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Whether <paramref name="token"/> opens the feed, compared in constant time.</summary>
    public static bool Opens(string secret, RepoRef repo, string? person, string? token) =>
        token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Of(secret, repo, person)), Encoding.UTF8.GetBytes(token));

    /// <summary>The full URL to hand to a person: the app's public base URL, the path and the token.</summary>
    public static string Url(Uri publicBase, string secret, RepoRef repo, string? person) =>
        $"{publicBase.AbsoluteUri.TrimEnd('/')}{PathOf(repo, person)}?token={Of(secret, repo, person)}";

    public static string? SecretProblem(string? secret) =>
        secret is null || secret.Length >= MinSecretLength
            ? null
            : $"{Setting} is {secret.Length} characters long: use at least {MinSecretLength} random characters (such as the output of 'openssl rand -hex 32'), or unset it to serve no calendar feeds";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
