namespace GitHubIncidentApp;

/// <summary>
/// <c>feed-url OWNER/REPO [LOGIN] --base URL</c>: the secret URL of a repository's (or one person's) on-call calendar
/// feed, for the operator, who holds <c>FEED_SECRET</c>, to hand to the people it concerns.
/// </summary>
public static class FeedUrlCommand
{
    internal static readonly string Usage = "usage: feed-url OWNER/REPO [LOGIN] --base URL\n"
        + "  prints the URL of the repository's on-call calendar feed (with LOGIN, of that person's shifts only), to subscribe to in a calendar\n"
        + $"  {FeedToken.Setting} must be set in the environment as the app has it\n"
        + "  --base       the app's public base URL, as people's calendars reach it, such as https://incidents.example.com";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?>? environment = null)
    {
        if (await SecretUrlArgs.ReadAsync(args, maxPositional: 2, Usage, errors, environment, "feeds") is not { } parsed)
        {
            return AppCommandLine.ExitUsage;
        }

        var person = parsed.Positional is [_, var login] ? login.TrimStart('@') : null;
        await output.WriteLineAsync(FeedToken.Url(parsed.Base, parsed.Secret, parsed.Repo, person));
        return AppCommandLine.ExitOk;
    }
}
