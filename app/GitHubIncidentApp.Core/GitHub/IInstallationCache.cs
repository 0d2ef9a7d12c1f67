namespace GitHubIncidentApp.Core.GitHub;

/// <summary>Which installation serves each account, kept current from <c>installation</c> webhooks.</summary>
public interface IInstallationCache
{
    void RememberInstallation(string owner, long installationId);

    void ForgetInstallation(string owner);
}
