namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// The GitHub App's identity. A class rather than a record so that <c>ToString()</c> cannot
/// print the private key into a log.
/// </summary>
public sealed class GitHubAppOptions
{
    public required long AppId { get; init; }

    /// <summary>The app's RSA private key in PEM form, PKCS#1 (as GitHub hands it out) or PKCS#8.</summary>
    public required string PrivateKeyPem { get; init; }

    /// <summary>The REST API base, used as given (see <see cref="GitHubApiUrl.Resolve"/>).</summary>
    public Uri ApiBaseUrl { get; init; } = GitHubApiUrl.Default;

    public override string ToString() => $"GitHub App {AppId} at {ApiBaseUrl}";
}
