using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>A fake GitHub holding the workflow's repository and token, and the Action's program to run against it.</summary>
public abstract class ActionRunTestBase : IAsyncLifetime
{
    protected ActionProcess Action { get; } = new();

    protected FakeGitHubServer GitHub { get; private set; } = null!;

    protected FakeRepo Repo => GitHub.Repo(ActionProcess.Owner, ActionProcess.Name);

    protected IEnumerable<RecordedRequest> Writes => GitHub.Requests.Where(r => r.Method != "GET");

    public async Task InitializeAsync()
    {
        GitHub = await FakeGitHubServer.StartAsync();
        GitHub.AddRepositoryToken(ActionProcess.Owner, ActionProcess.Token);
        Repo.SetRole("alice", "triage");
        Arrange();
    }

    public async Task DisposeAsync()
    {
        await GitHub.DisposeAsync();
        Action.Dispose();
    }

    /// <summary>What a test class adds to the repository before each test.</summary>
    protected virtual void Arrange()
    {
    }
}
