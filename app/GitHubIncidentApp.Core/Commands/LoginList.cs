using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>The people named after <c>/assign</c> or <c>/unassign</c>: <c>@alice @bob</c>, with or without '@', separated by spaces or commas.</summary>
internal static class LoginList
{
    /// <summary>GitHub refuses more assignees on an issue.</summary>
    public const int MaxLogins = 10;

    /// <summary>How many bad names an error lists before saying how many more there were.</summary>
    private const int MaxNamedInError = 3;

    public static BindResult Read(string command, string arguments, string commenter, Func<IReadOnlyList<string>, BoundCommand> bind)
    {
        var words = arguments.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return bind([commenter]);
        }

        if (words.FirstOrDefault(word => word.StartsWith('@') && word.Contains('/', StringComparison.Ordinal)) is { } team)
        {
            return new CommandError($"{InlineCode.Of(team)} is a team, and teams cannot be assigned; name the people instead, such as `/{command} @alice @bob`");
        }

        var invalid = words.Where(word => !GitHubLogin.IsValid(WithoutAt(word))).ToList();
        if (invalid.Count > 0)
        {
            var named = string.Join(", ", invalid.Take(MaxNamedInError).Select(InlineCode.Of));
            var more = invalid.Count > MaxNamedInError ? $" and {invalid.Count - MaxNamedInError} more" : "";
            var verb = invalid.Count == 1 ? "is not a GitHub login" : "are not GitHub logins";
            return new CommandError($"{named}{more} {verb}; {GitHubLogin.Rule}");
        }

        var logins = words.Select(WithoutAt).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return logins.Count > MaxLogins
            ? new CommandError($"`/{command}` names {logins.Count} people; GitHub allows at most {MaxLogins} assignees on an issue")
            : bind(logins);
    }

    private static string WithoutAt(string word) => word.StartsWith('@') ? word[1..] : word;
}
