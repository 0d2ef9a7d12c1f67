using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Each test gets a fresh fake GitHub, with the app installed on operate-first, and the app running against it.</summary>
public abstract class AppTestBase : IAsyncLifetime
{
    protected FakeGitHubServer GitHub { get; private set; } = null!;

    protected RunningApp App { get; set; } = null!;

    protected FakeRepo Repo => GitHub.Repo("operate-first", "incidents");

    /// <summary>The clock of both the fake GitHub and the app (a test's fake one); null for the system's.</summary>
    protected virtual TimeProvider? Clock => null;

    public virtual async Task InitializeAsync()
    {
        GitHub = await FakeGitHubServer.StartAsync(Clock);
        GitHub.AddInstallation("operate-first", 1001);
        GitHub.Repo("operate-first", "incidents");
        App = await StartAppAsync();
    }

    /// <summary>Starts the app against <see cref="GitHub"/>; override to start it differently.</summary>
    protected virtual Task<RunningApp> StartAppAsync() => RunningApp.StartAsync(GitHub, time: Clock);

    /// <summary>Polls <paramref name="probe"/> until it finds something; after 30 s fails with what GitHub saw and <see cref="FailureContext"/>.</summary>
    protected async Task<T> WaitForAsync<T>(Func<T?> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited 30 s for {what}. GitHub saw:\n{string.Join('\n', GitHub.Requests)}{FailureContext}");
    }

    /// <summary>More for the message of a wait that failed, such as an Alertmanager's log.</summary>
    protected virtual string FailureContext => "";

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
