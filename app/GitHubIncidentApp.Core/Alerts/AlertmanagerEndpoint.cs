using System.Net.Http.Headers;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>Where a host reaches Alertmanager's API: its base URL, and the bearer token it (or a proxy before it) wants, if any.</summary>
public sealed record AlertmanagerEndpoint(Uri Url, string? BearerToken = null)
{
    /// <summary>Long enough for a loaded Alertmanager, short enough that a command's reply does not hang.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>An example of a base URL, for messages.</summary>
    public const string ExampleUrl = "http://alertmanager.monitoring:9093";

    /// <summary>The base URL in <paramref name="text"/>; null unless it is an absolute http(s) URL.</summary>
    public static Uri? ParseUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <summary>A client that presents the token on every call.</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { Timeout = Timeout };
        if (BearerToken is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>Fit for a log: the token shows only whether it is set.</summary>
    public override string ToString() => $"{Url.AbsoluteUri} ({(BearerToken is null ? "no token" : "with a bearer token")})";
}
