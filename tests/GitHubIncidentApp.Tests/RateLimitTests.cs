using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>GitHub's rate limits through the running app, on a clock the test moves: deliveries wait as told, then go through once.</summary>
public sealed class RateLimitTests : AppTestBase
{
    private const string CreateIssuePath = "/repos/operate-first/incidents/issues";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task A_secondary_limit_holds_the_delivery_a_minute_though_GitHub_asked_for_a_second_then_it_opens_one_issue()
    {
        var answered = 0;
        GitHub.FaultWith = r =>
            r.Method == "POST" && r.Path == CreateIssuePath && Interlocked.Increment(ref answered) == 1 ? FakeFault.SecondaryRateLimit(retryAfterSeconds: 1) : null;

        using var response = await App.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"));
        Assert.True(response.IsSuccessStatusCode);
        await GitHub.WaitForRequestAsync(r => r.Method == "POST" && r.Path == CreateIssuePath && r.StatusCode == 403);
        await RetryRecordedAsync();

        // Well past Retry-After and any first backoff, but short of GitHub's minute: still waiting, not parked.
        _clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the worker looks for due retries every second
        Assert.Empty(Repo.Issues);
        Assert.Equal(1, GitHub.Requests.Count(r => r.Method == "POST" && r.Path == CreateIssuePath));
        Assert.Equal((1, 0), await PendingAndFailedAsync());

        _clock.Advance(TimeSpan.FromSeconds(2));
        await App.WaitUntilIdleAsync();

        var issue = Assert.Single(Repo.Issues);
        Assert.Contains("JupyterHub is down", issue.Title, StringComparison.Ordinal);
        Assert.Equal([403, 201], GitHub.Requests.Where(r => r.Method == "POST" && r.Path == CreateIssuePath).Select(r => r.StatusCode));
        Assert.Equal((0, 0), await PendingAndFailedAsync());
    }

    /// <summary>Waits until the worker has put the failed delivery back with its retry time, so moving the clock counts from there.</summary>
    private async Task RetryRecordedAsync()
    {
        var path = App.Services.GetRequiredService<SqliteDatabase>().FilePath;
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM inbox WHERE status = 'pending' AND last_error IS NOT NULL";
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The worker never recorded the retry of the rate-limited delivery.");
    }

    private async Task<(int Pending, int Failed)> PendingAndFailedAsync()
    {
        var stats = await App.Services.GetRequiredService<IInbox>().GetStatsAsync(_clock.GetUtcNow(), CancellationToken.None);
        return (stats.Pending, stats.Failed);
    }
}
