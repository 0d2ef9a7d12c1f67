namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A person's role in a repository, lowest first, so roles compare with &lt; and &gt;.</summary>
public enum RepoPermission
{
    None = 0,
    Read = 1,
    Triage = 2,
    Write = 3,
    Maintain = 4,
    Admin = 5,
}
