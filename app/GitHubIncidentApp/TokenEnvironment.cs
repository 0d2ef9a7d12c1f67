using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp;

/// <summary>The GitHub a command-line verb reads with a person's <c>GITHUB_TOKEN</c>: GitHub.com, or <c>GITHUB_API_URL</c> / <c>GHE_HOST</c> for Enterprise.</summary>
public static class TokenEnvironment
{
    public const string TokenVariable = "GITHUB_TOKEN";

    /// <summary>The API's base URL; null after saying what is wrong with its settings.</summary>
    public static async Task<Uri?> ApiUrlAsync(Func<string, string?> environment, TextWriter errors)
    {
        try
        {
            return GitHubApiUrl.Resolve(environment("GHE_HOST"), environment("GITHUB_API_URL"));
        }
        catch (ArgumentException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return null;
        }
    }

    /// <summary><c>GITHUB_TOKEN</c>, trimmed; null when it is not set.</summary>
    public static string? Token(Func<string, string?> environment) =>
        environment(TokenVariable) is { } token && !string.IsNullOrWhiteSpace(token) ? token.Trim() : null;
}
