using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;
using static GitHubIncidentApp.Testing.Bursts.BurstAssert;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The app as a process of its own, killed with SIGKILL in the middle of a burst and started again on the same
/// data directory: the deliveries it had taken in are applied once each after the restart. The fake GitHub
/// answers every request after a delay, so each kill lands while deliveries are still being applied.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const string CreateIssuePath = "/repos/operate-first/incidents/issues";

    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _dataDir = Directory.CreateTempSubdirectory("incident-app-crash-").FullName;
    private FakeGitHubServer _github = null!;
    private AppProcess? _app;

    private FakeRepo Repo => _github.Repo("operate-first", "incidents");

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddInstallation("operate-first", 1001);
        _github.Repo("operate-first", "incidents").SetFile(IncidentConfig.FilePath, AlertBurst.ConfigFile);
        _github.DisruptWith = _ => FakeDisruption.Slow(Latency);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _github.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Killed_three_times_in_a_burst_the_app_still_leaves_exactly_one_issue_per_group()
    {
        var burst = AlertBurst.Create(groups: 25);
        await StartAsync();
        foreach (var delivery in burst.Wave(1).Concat(burst.Wave(2)))
        {
            await _app!.PostAlertsAsync(delivery.Json);
        }

        // An issue opened on GitHub, the app killed before it heard so: after the restart it is found, not opened again.
        await KillWithAnswerHeldAsync(
            request => request.Method == "POST" && request.Path == CreateIssuePath && Repo.Issues.Count >= 7,
            () => Repo.Issues.Count >= 8);

        await StartAsync();
        foreach (var delivery in burst.Wave(3))
        {
            await _app!.PostAlertsAsync(delivery.Json);
        }

        // An issue closed, the app killed before it commented or recorded the resolution.
        await KillWithAnswerHeldAsync(
            request => request.Method == "PATCH" && request.Body.Contains("\"closed\"", StringComparison.Ordinal) && ClosedIssues >= 4,
            () => ClosedIssues >= 5);

        // A comment posted, the app killed before it heard so: the retry finds it by its hidden tag and posts no other.
        await StartAsync();
        var comments = CommentCount;
        await KillWithAnswerHeldAsync(
            request => request.Method == "POST" && request.Path.EndsWith("/comments", StringComparison.Ordinal),
            () => CommentCount > comments);

        await StartAsync();
        await _app!.WaitUntilIdleAsync(Patience);

        // Neither issues nor comments are doubled.
        AssertExactlyOneIssuePerGroup(burst.Expected, Repo);
        Assert.Equal((0, 0), await _app.InboxAsync());
    }

    private int CommentCount => Repo.Issues.Sum(issue => issue.Comments.Count);

    private int ClosedIssues => Repo.Issues.Count(issue => !issue.IsOpen);

    private async Task StartAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _app = await AppProcess.StartAsync(_github, _dataDir);
    }

    /// <summary>
    /// Lets GitHub apply the first request <paramref name="match"/> picks but holds its answer back; once
    /// <paramref name="applied"/> shows the effect, kills the app, so the answer goes to nobody.
    /// </summary>
    private async Task KillWithAnswerHeldAsync(Func<RecordedRequest, bool> match, Func<bool> applied)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        _github.DisruptWith = request => match(request) && Interlocked.Exchange(ref held, 1) == 0
            ? FakeDisruption.HoldAnswer(release.Task) with { Delay = Latency }
            : FakeDisruption.Slow(Latency);
        try
        {
            await EventuallyAsync(applied, "the held request to take effect on GitHub");
            _app!.Kill();
        }
        finally
        {
            release.SetResult();
            _github.DisruptWith = _ => FakeDisruption.Slow(Latency);
        }
    }

    private async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds:F0}s for {what}. The app's output:\n{_app?.Output}\nGitHub received:\n{string.Join('\n', _github.Requests)}");
            }

            await Task.Delay(10);
        }
    }
}
