using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Each test gets a fresh fake GitHub, with the app installed on operate-first, and the app running against it.</summary>
public abstract class AppTestBase : IAsyncLifetime
{
    protected FakeGitHubServer GitHub { get; private set; } = null!;

    protected RunningApp App { get; set; } = null!;

    protected FakeRepo Repo => GitHub.Repo("operate-first", "incidents");

    public virtual async Task InitializeAsync()
    {
        GitHub = await FakeGitHubServer.StartAsync();
        GitHub.AddInstallation("operate-first", 1001);
        GitHub.Repo("operate-first", "incidents");
        App = await StartAppAsync();
    }

    /// <summary>Starts the app against <see cref="GitHub"/>; override to start it differently.</summary>
    protected virtual Task<RunningApp> StartAppAsync() => RunningApp.StartAsync(GitHub);

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
