using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class ContentPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void A_burst_gets_GitHubs_80_a_minute_at_once_and_the_81st_a_minute_later()
    {
        var pacer = new ContentPacer(_clock);

        var slots = Enumerable.Range(0, 81).Select(_ => pacer.Reserve("operate-first")).ToList();

        Assert.All(slots.Take(80), slot => Assert.Equal(Start, slot));
        Assert.Equal(Start.AddMinutes(1), slots[80]);
    }

    [Fact]
    public void No_minute_window_ever_holds_more_than_the_minute_limit_nor_any_hour_more_than_the_hour_limit()
    {
        var pacer = new ContentPacer(_clock, perMinute: 80, perHour: 500);

        var slots = Enumerable.Range(0, 1200).Select(_ => pacer.Reserve("operate-first")).ToList();

        Assert.Equal(slots.Order(), slots);
        Assert.All(slots, slot => Assert.True(slots.Count(s => s > slot - TimeSpan.FromMinutes(1) && s <= slot) <= 80));
        Assert.All(slots, slot => Assert.True(slots.Count(s => s > slot - TimeSpan.FromHours(1) && s <= slot) <= 500));
        // The hour limit binds: slots 501 to 1000 come in the second hour, not sooner.
        Assert.Equal(Start.AddHours(1), slots[500]);
        Assert.Equal(Start.AddHours(2), slots[1000]);
    }

    [Fact]
    public void Installations_are_paced_apart_and_slots_free_up_as_time_passes()
    {
        var pacer = new ContentPacer(_clock, perMinute: 2, perHour: 100);

        pacer.Reserve("operate-first");
        pacer.Reserve("operate-first");

        Assert.Equal(Start, pacer.Reserve("OTHER-org"));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(_clock.GetUtcNow(), pacer.Reserve("Operate-First"));
    }

    [Fact]
    public async Task A_request_past_the_limit_waits_on_the_clock_for_its_slot()
    {
        var pacer = new ContentPacer(_clock, perMinute: 1, perHour: 100);
        await pacer.WaitForSlotAsync("operate-first", CancellationToken.None);

        var waiting = pacer.WaitForSlotAsync("operate-first", CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wait_ends_when_cancelled()
    {
        var pacer = new ContentPacer(_clock, perMinute: 1, perHour: 100);
        await pacer.WaitForSlotAsync("operate-first", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pacer.WaitForSlotAsync("operate-first", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
