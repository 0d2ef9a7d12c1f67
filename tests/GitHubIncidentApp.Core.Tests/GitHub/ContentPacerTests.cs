using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class ContentPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InProcessContentBudget _budget;
    private readonly ContentPacer _pacer;

    public ContentPacerTests()
    {
        _budget = new InProcessContentBudget(_clock, new ContentLimits(1, 100));
        _pacer = new ContentPacer(_budget, _clock);
    }

    [Fact]
    public async Task A_request_past_the_limit_waits_on_the_clock_for_its_slot()
    {
        await _pacer.WaitForSlotAsync("operate-first", CancellationToken.None);

        var waiting = _pacer.WaitForSlotAsync("operate-first", CancellationToken.None);
        _clock.Advance(ContentLimits.Minute + ContentLimits.Margin - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wait_ends_when_cancelled_and_gives_its_slot_back()
    {
        await _pacer.WaitForSlotAsync("operate-first", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = _pacer.WaitForSlotAsync("operate-first", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(Start + (ContentLimits.Minute + ContentLimits.Margin), _budget.Reserve("operate-first").At);
    }

    [Fact]
    public async Task A_more_urgent_caller_that_asks_later_takes_the_earlier_slot_of_a_less_urgent_one()
    {
        await _pacer.WaitForSlotAsync("operate-first", CancellationToken.None);
        var warning = WaitWithPriorityAsync(1);
        var otherWarning = WaitWithPriorityAsync(1);
        var critical = WaitWithPriorityAsync(5);

        _clock.Advance(ContentLimits.Minute + ContentLimits.Margin);
        await critical.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(warning.IsCompleted);

        _clock.Advance(ContentLimits.Minute + ContentLimits.Margin);
        await warning.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(otherWarning.IsCompleted);

        _clock.Advance(ContentLimits.Minute + ContentLimits.Margin);
        await otherWarning.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, _pacer.Waiting);
    }

    private Task WaitWithPriorityAsync(int priority)
    {
        using (ContentPriority.Enter(priority))
        {
            return _pacer.WaitForSlotAsync("operate-first", CancellationToken.None);
        }
    }
}
