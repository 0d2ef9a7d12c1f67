namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>A person's role in a repository: a base role, or an organisation's custom role that extends one.</summary>
internal sealed record FakeRole(string Login, string Name, string BaseRole)
{
    /// <summary>GitHub's base roles, lowest first.</summary>
    public static readonly string[] BaseRoles = ["read", "triage", "write", "maintain", "admin"];

    /// <summary>The legacy <c>permission</c> field folds triage into read and maintain into write.</summary>
    public string LegacyPermission => BaseRole switch
    {
        "admin" => "admin",
        "maintain" or "write" => "write",
        _ => "read",
    };

    public bool AtLeast(string baseRole) => Rank(BaseRole) >= Rank(baseRole);

    private static int Rank(string baseRole) => Array.IndexOf(BaseRoles, baseRole);
}
