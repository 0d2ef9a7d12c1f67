using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>GitHub's rule for user and organisation names, the one check every place that reads a login uses.</summary>
public static partial class GitHubLogin
{
    public const int MaxLength = 39;

    public const string Rule = "a GitHub login has letters, digits and single hyphens between them, at most 39 characters";

    private const string BotSuffix = "[bot]";

    /// <summary>Letters and digits with single hyphens between them, at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string login) => login.Length <= MaxLength && Pattern().IsMatch(login);

    /// <summary>A person's login, or a GitHub App's bot (<c>slug[bot]</c>), as issues name their authors.</summary>
    public static bool IsAuthor(string login) =>
        IsValid(login.EndsWith(BotSuffix, StringComparison.Ordinal) ? login[..^BotSuffix.Length] : login);

    [GeneratedRegex(@"\A[A-Za-z0-9](?:-?[A-Za-z0-9])*\z")]
    private static partial Regex Pattern();
}
