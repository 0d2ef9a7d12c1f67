using System.Globalization;
using System.Net;

namespace GitHubIncidentApp;

/// <summary>
/// <c>healthcheck</c>: asks the app listening on <c>HOST</c>:<c>PORT</c> for <c>GET /livez</c>. The container image's
/// HEALTHCHECK runs it, as the image has no shell, curl or wget.
/// </summary>
public static class HealthCheckCommand
{
    internal const string Usage = "usage: healthcheck\n"
        + "  asks the app listening on HOST:PORT for GET /livez (on loopback when HOST is every address, as it is by default)\n"
        + "environment: PORT, HOST, as the app reads them\n"
        + "exit code: 0 the app answered 200 within 5 s, 1 it did not, or PORT is not a port to ask (printed), 2 bad usage";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (CommandArgs.Parse(args, [], maxPositional: 0, out var usageError) is null)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{Usage}");
            return AppCommandLine.ExitUsage;
        }

        var portText = environment("PORT")?.Trim();
        var port = AppSettings.DefaultPort;
        if (!string.IsNullOrEmpty(portText) && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535))
        {
            await errors.WriteLineAsync($"error: PORT \"{portText}\" is not a port to ask: set it to the app's port, 1 to 65535 (with 0 the app picks one, which healthcheck cannot know)");
            return AppCommandLine.ExitProblems;
        }

        var url = new UriBuilder(Uri.UriSchemeHttp, AddressToAsk(environment("HOST")), port, "/livez").Uri;
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await output.WriteLineAsync($"ok: {url} answered 200");
                return AppCommandLine.ExitOk;
            }

            await errors.WriteLineAsync($"error: {url} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"error: {url} did not answer: {(ex is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:F0} s" : ex.Message)}");
        }

        return AppCommandLine.ExitProblems;
    }

    /// <summary>HOST itself, unless it is every address (or unset): then the loopback address of its family.</summary>
    private static string AddressToAsk(string? host) => IPAddress.TryParse(host?.Trim(), out var address)
        ? address.Equals(IPAddress.Any) ? IPAddress.Loopback.ToString() : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback.ToString() : address.ToString()
        : string.IsNullOrWhiteSpace(host) ? IPAddress.Loopback.ToString() : host.Trim();
}
