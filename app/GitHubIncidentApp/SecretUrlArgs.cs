using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp;

/// <summary>
/// The arguments the verbs that print a secret URL share (<c>feed-url</c>, <c>status-url</c>): the repository first, the app's
/// public base URL as <c>--base</c>, and <c>FEED_SECRET</c> from the environment, as the app has it.
/// </summary>
internal sealed record SecretUrlArgs(RepoRef Repo, IReadOnlyList<string> Positional, Uri Base, string Secret)
{
    /// <summary>The arguments, or null after saying on <paramref name="errors"/> what is wrong with them, and the usage.</summary>
    public static async Task<SecretUrlArgs?> ReadAsync(
        string[] args, int maxPositional, string usage, TextWriter errors, Func<string, string?>? environment, string serves)
    {
        if (CommandArgs.Parse(args, ["--base"], maxPositional, out var usageError) is not { } parsed)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{usage}");
            return null;
        }

        var secret = (environment ?? Environment.GetEnvironmentVariable)(FeedToken.Setting);
        Uri? publicBase = null;
        string? problem = parsed.Positional switch
        {
            [] => "give the repository as OWNER/REPO",
            _ when secret is null => $"{FeedToken.Setting} is not set: set it as the app has it (the app serves no {serves} without it)",
            _ when FeedToken.SecretProblem(secret) is { } secretProblem => secretProblem,
            _ when parsed["--base"] is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out publicBase) || publicBase.Scheme is not ("https" or "http") =>
                "give the app's public base URL with --base, such as https://incidents.example.com",
            [var text, ..] when RepoRef.Parse(text).Problem is { } repoProblem => $"'{text}' is not a repository: {repoProblem}",
            _ => null,
        };
        if (problem is not null)
        {
            await errors.WriteLineAsync($"error: {problem}\n{usage}");
            return null;
        }

        return new SecretUrlArgs(RepoRef.Parse(parsed.Positional[0]).Repo!, parsed.Positional, publicBase!, secret!);
    }
}
