using System.Security.Cryptography;
using System.Text;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp;

/// <summary>
/// The secret in the URL of an on-call calendar feed or a private repository's status page: HMAC-SHA256, keyed with
/// <c>FEED_SECRET</c>, of the URL's path (lowercase, as GitHub names are), so each feed and each page has its own token,
/// no token opens another path, and the app keeps no list of them. Changing <c>FEED_SECRET</c> revokes every URL at once.
/// </summary>
/// <remarks>
/// A setting of its own rather than one derived from <c>WEBHOOK_SECRET</c>: the operator can then revoke the
/// URLs (which people paste into calendar apps and may leak) without touching the GitHub App's webhook.
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
    public static string Of(string secret, RepoRef repo, string? person) => OfPath(secret, PathOf(repo, person));

    /// <summary>Whether <paramref name="token"/> opens the feed, compared in constant time.</summary>
    public static bool Opens(string secret, RepoRef repo, string? person, string? token) => OpensPath(secret, PathOf(repo, person), token);

    /// <summary>The full URL of a feed to hand to a person: the app's public base URL, the path and the token.</summary>
    public static string Url(Uri publicBase, string secret, RepoRef repo, string? person) => UrlOfPath(publicBase, secret, PathOf(repo, person));

    /// <summary>The token of any path the secret guards.</summary>
    public static string OfPath(string secret, string path)
    {
        // A label keeps this key's MACs apart from any other use the operator might make of the same secret. It predates
        // the status pages and stays as it is, so the feed URLs handed out keep working; paths keep feeds and pages apart.
        var message = Encoding.UTF8.GetBytes("incident-app oncall feed v1:" + path.ToLowerInvariant());
        return Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Whether <paramref name="token"/> opens <paramref name="path"/>, compared in constant time.</summary>
    public static bool OpensPath(string secret, string path, string? token) =>
        token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(OfPath(secret, path)), Encoding.UTF8.GetBytes(token));

    /// <summary>The app's public base URL, the path and its token.</summary>
    public static string UrlOfPath(Uri publicBase, string secret, string path) =>
        $"{publicBase.AbsoluteUri.TrimEnd('/')}{path}?token={OfPath(secret, path)}";

    public static string? SecretProblem(string? secret) =>
        secret is null || secret.Length >= MinSecretLength
            ? null
            : $"{Setting} is {secret.Length} characters long: use at least {MinSecretLength} random characters (such as the output of 'openssl rand -hex 32'), or unset it to serve no calendar feeds and no private status pages";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
