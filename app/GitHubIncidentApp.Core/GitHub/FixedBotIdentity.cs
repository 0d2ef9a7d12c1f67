namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A login known up front: the Action's workflow identity, or the dry run's made-up author.</summary>
public sealed class FixedBotIdentity : IBotIdentity
{
    private readonly string _login;

    public FixedBotIdentity(string login)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        _login = login;
    }

    public Task<string> GetLoginAsync(CancellationToken cancellationToken) => Task.FromResult(_login);
}
