using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.OnCall.Routes;

public enum AssignTargetKind
{
    /// <summary>A rotation name from <c>oncall.rotations</c>: whoever is on call in it.</summary>
    Rotation,

    /// <summary><c>@login</c>: assigned directly.</summary>
    User,

    /// <summary><c>@org/team</c>: cannot be assigned on GitHub, so it is @mentioned.</summary>
    Team,
}

/// <summary>The forms of an <c>assign</c> entry.</summary>
public static class AssignTarget
{
    public static AssignTargetKind KindOf(string target) =>
        !target.StartsWith('@') ? AssignTargetKind.Rotation
        : target.Contains('/', StringComparison.Ordinal) ? AssignTargetKind.Team
        : AssignTargetKind.User;

    /// <summary>The login or <c>org/team</c> slug without the '@'; a rotation name as is.</summary>
    public static string NameOf(string target) => target.TrimStart('@');

    /// <summary>What is wrong with an entry (completing "'name' ..."), or null when it is well formed.</summary>
    public static string? Check(string target)
    {
        if (target.Length == 0)
        {
            return "is empty; name a rotation, a @user or an @org/team";
        }

        var name = target[1..];
        return KindOf(target) switch
        {
            AssignTargetKind.User when !GitHubLogin.IsValid(name) =>
                $"is \"{target}\", which is not a GitHub user; a login has letters, digits and single hyphens, such as @alice",
            AssignTargetKind.Team when name.Split('/') is not [var org, var team] || !GitHubLogin.IsValid(org) || !IsTeamSlug(team) =>
                $"is \"{target}\", which is not a GitHub team; write @org/team-slug, such as @operate-first/sre",
            _ => null,
        };
    }

    private static bool IsTeamSlug(string slug) =>
        slug.Length > 0 && slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
