using GitHubIncidentApp.Core.GitHub;

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
        if (CommandArgs.Parse(args, ["--base"], maxPositional: 2, out var usageError) is not { } parsed)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{Usage}");
            return AppCommandLine.ExitUsage;
        }

        var secret = (environment ?? Environment.GetEnvironmentVariable)(FeedToken.Setting);
        string? problem = parsed.Positional switch
        {
            [] => "give the repository as OWNER/REPO",
            _ when secret is null => $"{FeedToken.Setting} is not set: set it as the app has it (the app serves no feeds without it)",
            _ when FeedToken.SecretProblem(secret) is { } secretProblem => secretProblem,
            _ when parsed["--base"] is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") =>
                "give the app's public base URL with --base, such as https://incidents.example.com",
            [var text, ..] when RepoRef.Parse(text).Problem is { } repoProblem => $"'{text}' is not a repository: {repoProblem}",
            _ => null,
        };
        if (problem is not null)
        {
            await errors.WriteLineAsync($"error: {problem}\n{Usage}");
            return AppCommandLine.ExitUsage;
        }

        var repo = RepoRef.Parse(parsed.Positional[0]).Repo!;
        var person = parsed.Positional is [_, var login] ? login.TrimStart('@') : null;
        await output.WriteLineAsync(FeedToken.Url(new Uri(parsed["--base"]!), secret!, repo, person));
        return AppCommandLine.ExitOk;
    }
}
