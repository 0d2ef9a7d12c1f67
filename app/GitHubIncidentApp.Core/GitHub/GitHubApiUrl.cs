namespace GitHubIncidentApp.Core.GitHub;

/// <summary>Where the GitHub REST API lives: github.com, a GitHub Enterprise Server host, or an explicit base URL.</summary>
public static class GitHubApiUrl
{
    public static readonly Uri Default = new("https://api.github.com/");

    /// <summary>
    /// <paramref name="gheHost"/> (<c>GHE_HOST</c>, a host name) gives <c>https://{host}/api/v3/</c>;
    /// <paramref name="apiUrl"/> (<c>GITHUB_API_URL</c>) is used as given; neither gives api.github.com.
    /// </summary>
    public static Uri Resolve(string? gheHost, string? apiUrl)
    {
        var hasHost = !string.IsNullOrWhiteSpace(gheHost);
        var hasUrl = !string.IsNullOrWhiteSpace(apiUrl);
        if (hasHost && hasUrl)
        {
            throw new ArgumentException(
                $"Both GHE_HOST ('{gheHost}') and GITHUB_API_URL ('{apiUrl}') are set: set only one (GHE_HOST=github.example.com, or GITHUB_API_URL=https://github.example.com/api/v3/).");
        }

        if (hasHost)
        {
            var host = gheHost!.Trim();
            if (host.Contains('/', StringComparison.Ordinal) || Uri.CheckHostName(host.Split(':')[0]) == UriHostNameType.Unknown)
            {
                throw new ArgumentException(
                    $"GHE_HOST '{gheHost}' is not a host name: give only the host (e.g. github.example.com), or set GITHUB_API_URL to a full URL instead.");
            }

            return new Uri($"https://{host}/api/v3/");
        }

        if (!hasUrl)
        {
            return Default;
        }

        if (!Uri.TryCreate(apiUrl!.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException(
                $"GITHUB_API_URL '{apiUrl}' is not an absolute http(s) URL: give the REST API base, e.g. https://github.example.com/api/v3/.");
        }

        // Request paths are resolved relative to the base, so without a trailing slash its last segment would be dropped.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
