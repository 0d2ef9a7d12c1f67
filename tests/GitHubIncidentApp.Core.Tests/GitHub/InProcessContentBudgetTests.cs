using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class InProcessContentBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void A_burst_gets_GitHubs_80_a_minute_at_once_and_the_81st_a_minute_later()
    {
        var budget = new InProcessContentBudget(_clock);

        var slots = Enumerable.Range(0, 81).Select(_ => budget.Reserve("operate-first").At).ToList();

        Assert.All(slots.Take(80), slot => Assert.Equal(Start, slot));
        Assert.Equal(Start + (ContentLimits.Minute + ContentLimits.Margin), slots[80]);
    }

    [Fact]
    public void No_minute_window_ever_holds_more_than_the_minute_limit_nor_any_hour_more_than_the_hour_limit()
    {
        var budget = new InProcessContentBudget(_clock, ContentLimits.GitHub);

        var slots = Enumerable.Range(0, 1200).Select(_ => budget.Reserve("operate-first").At).ToList();

        Assert.Equal(slots.Order(), slots);
        ContentWindows.AssertWithin(slots, ContentLimits.GitHub);
        // The hour limit binds: slots 501 to 1000 come in the second hour, not sooner.
        Assert.Equal(Start + (ContentLimits.Hour + ContentLimits.Margin), slots[500]);
        Assert.Equal(Start + (2 * (ContentLimits.Hour + ContentLimits.Margin)), slots[1000]);
    }

    [Fact]
    public void Installations_are_paced_apart_and_slots_free_up_as_time_passes()
    {
        var budget = new InProcessContentBudget(_clock, new ContentLimits(2, 100));

        budget.Reserve("operate-first");
        budget.Reserve("operate-first");

        Assert.Equal(Start, budget.Reserve("OTHER-org").At);
        _clock.Advance(ContentLimits.Minute + ContentLimits.Margin + TimeSpan.FromSeconds(1));
        Assert.Equal(_clock.GetUtcNow(), budget.Reserve("Operate-First").At);
    }

    [Fact]
    public async Task The_newest_slot_given_back_goes_to_the_next_caller_and_no_slot_given_back_pushes_a_window_over()
    {
        var limits = new ContentLimits(2, 100);
        var budget = new InProcessContentBudget(_clock, limits);
        var taken = Enumerable.Range(0, 6).Select(_ => budget.Reserve("operate-first")).ToList();

        await budget.ReleaseAsync(taken[^1]);
        taken[^1] = budget.Reserve("operate-first");
        await budget.ReleaseAsync(taken[2]);
        var afterGap = budget.Reserve("operate-first");

        Assert.Equal(Start + (2 * (ContentLimits.Minute + ContentLimits.Margin)), taken[^1].At);
        Assert.Equal(Start + (3 * (ContentLimits.Minute + ContentLimits.Margin)), afterGap.At);
        ContentWindows.AssertWithin([.. taken.Where(slot => slot != taken[2]).Select(slot => slot.At), afterGap.At], limits);
    }
}
