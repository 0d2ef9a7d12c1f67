using System.Globalization;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Core.Tests.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>What every content budget in a database does: one budget per installation for every replica and restart.</summary>
public abstract class ContentBudgetContractTests(StorageBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private static readonly ContentLimits Limits = new(10, 50);

    private readonly FakeTimeProvider clock = new(Start);
    private IStorageDatabase database = null!;

    public async Task InitializeAsync() => database = await backend.OpenAsync();

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Two_replicas_reserving_at_once_keep_every_minute_and_hour_within_the_limits_together()
    {
        var replicas = new[] { Budget(database), Budget(await backend.OpenAsync()) };

        // Four callers per replica, 25 slots each, all at once.
        var callers = replicas.SelectMany(budget => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var taken = new List<DateTimeOffset>();
            for (var i = 0; i < 25; i++)
            {
                taken.Add((await budget.ReserveAsync("operate-first", CancellationToken.None)).At);
            }

            return taken;
        })));
        var slots = (await Task.WhenAll(callers)).SelectMany(taken => taken).Order().ToList();

        Assert.Equal(200, slots.Count);
        ContentWindows.AssertWithin(slots, Limits);
        // Nobody waits longer than the limits demand: ten a minute until the hour's fifty are out.
        Assert.Equal(Start + (4 * (ContentLimits.Minute + ContentLimits.Margin)), slots[49]);
        Assert.Equal(Start + (ContentLimits.Hour + ContentLimits.Margin), slots[50]);
        Assert.Equal(Start + (3 * (ContentLimits.Hour + ContentLimits.Margin)) + (4 * (ContentLimits.Minute + ContentLimits.Margin)), slots[^1]);
    }

    [Fact]
    public async Task Installations_have_budgets_of_their_own_matched_case_insensitively()
    {
        var budget = Budget(database);
        for (var i = 0; i < Limits.PerMinute; i++)
        {
            await budget.ReserveAsync("operate-first", CancellationToken.None);
        }

        Assert.Equal(Start, (await budget.ReserveAsync("Other-Org", CancellationToken.None)).At);
        Assert.Equal(Start + (ContentLimits.Minute + ContentLimits.Margin), (await Budget(await backend.OpenAsync()).ReserveAsync("OPERATE-FIRST", CancellationToken.None)).At);
    }

    [Fact]
    public async Task Slots_older_than_an_hour_are_pruned_and_no_longer_hold_anyone_back()
    {
        var budget = Budget(database);
        for (var i = 0; i < Limits.PerHour; i++)
        {
            await budget.ReserveAsync("operate-first", CancellationToken.None);
        }

        await budget.ReserveAsync("other-org", CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(clock.GetUtcNow(), (await budget.ReserveAsync("operate-first", CancellationToken.None)).At);
        Assert.Equal(1, await CountSlotsAsync("operate-first"));
        Assert.Equal(1, await CountSlotsAsync("other-org"));
    }

    [Fact]
    public async Task A_slot_given_back_goes_to_the_next_caller_whichever_replica_asks()
    {
        var budget = Budget(database);
        for (var i = 0; i < Limits.PerMinute; i++)
        {
            await budget.ReserveAsync("operate-first", CancellationToken.None);
        }

        var unused = await budget.ReserveAsync("operate-first", CancellationToken.None);
        await budget.ReleaseAsync(unused);

        var next = await Budget(await backend.OpenAsync()).ReserveAsync("operate-first", CancellationToken.None);
        Assert.Equal(Start + (ContentLimits.Minute + ContentLimits.Margin), unused.At);
        Assert.Equal(unused.At, next.At);
        Assert.Equal(Limits.PerMinute + 1, await CountSlotsAsync("operate-first"));
    }

    private IContentBudget Budget(IStorageDatabase opened) => backend.ContentBudget(opened, clock, Limits);

    private Task<long> CountSlotsAsync(string installation) =>
        ((ISqlDatabase)database).ReadAsync(
            async connection => Convert.ToInt64(
                await connection.ScalarAsync(
                    "SELECT COUNT(*) FROM content_slots WHERE installation = @installation;",
                    CancellationToken.None,
                    ("@installation", installation)),
                CultureInfo.InvariantCulture),
            CancellationToken.None);
}
