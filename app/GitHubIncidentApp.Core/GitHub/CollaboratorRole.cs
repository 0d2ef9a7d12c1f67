using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Reads a <see cref="RepoPermission"/> from <c>GET /repos/{o}/{r}/collaborators/{user}/permission</c>.
/// <c>role_name</c> comes first: the legacy <c>permission</c> folds triage into read and maintain into write.
/// An organisation's custom role has its own <c>role_name</c>; it always extends a base role, which the
/// <c>user.permissions</c> flags show (the highest one set). Failing those, the legacy <c>permission</c>
/// is the base role rounded down, so a custom role is never taken for more than it inherits; with none of
/// them the person gets <see cref="RepoPermission.None"/>.
/// </summary>
internal static class CollaboratorRole
{
    public static RepoPermission From(CollaboratorPermissionResponse response) =>
        Parse(response.RoleName)
        ?? FromFlags(response.Collaborator?.Permissions)
        ?? Parse(response.Permission)
        ?? RepoPermission.None;

    /// <summary>Role names and legacy permission names; null for anything else (custom roles).</summary>
    private static RepoPermission? Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "ADMIN" => RepoPermission.Admin,
        "MAINTAIN" => RepoPermission.Maintain,
        "WRITE" => RepoPermission.Write,
        "TRIAGE" => RepoPermission.Triage,
        "READ" => RepoPermission.Read,
        "NONE" => RepoPermission.None,
        _ => null,
    };

    private static RepoPermission? FromFlags(CollaboratorPermissions? flags) => flags switch
    {
        null => null,
        { Admin: true } => RepoPermission.Admin,
        { Maintain: true } => RepoPermission.Maintain,
        { Push: true } => RepoPermission.Write,
        { Triage: true } => RepoPermission.Triage,
        { Pull: true } => RepoPermission.Read,
        _ => null,
    };
}
