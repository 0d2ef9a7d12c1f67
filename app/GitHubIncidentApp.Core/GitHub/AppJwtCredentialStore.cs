using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>Hands Octokit a freshly signed app JWT for every request, so the app client never holds an expired one.</summary>
internal sealed class AppJwtCredentialStore(AppJwt jwt) : ICredentialStore
{
    public Task<Credentials> GetCredentials() => Task.FromResult(new Credentials(jwt.Create(), AuthenticationType.Bearer));
}
