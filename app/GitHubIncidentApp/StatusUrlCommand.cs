namespace GitHubIncidentApp;

/// <summary>
/// <c>status-url OWNER/REPO --base URL</c>: the URL of a repository's status page with its token, which a private repository's
/// page needs (a public repository's opens without it), for the operator, who holds <c>FEED_SECRET</c>, to hand out.
/// </summary>
public static class StatusUrlCommand
{
    internal static readonly string Usage = "usage: status-url OWNER/REPO --base URL\n"
        + "  prints the URL of the repository's status page with its token (a private repository's page opens only with it)\n"
        + $"  {FeedToken.Setting} must be set in the environment as the app has it; the repository's config must have 'status_page: true'\n"
        + "  --base       the app's public base URL, as people's browsers reach it, such as https://incidents.example.com";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?>? environment = null)
    {
        if (await SecretUrlArgs.ReadAsync(args, maxPositional: 1, Usage, errors, environment, "private status pages") is not { } parsed)
        {
            return AppCommandLine.ExitUsage;
        }

        await output.WriteLineAsync(FeedToken.UrlOfPath(parsed.Base, parsed.Secret, StatusEndpoints.PathOf(parsed.Repo)));
        return AppCommandLine.ExitOk;
    }
}
