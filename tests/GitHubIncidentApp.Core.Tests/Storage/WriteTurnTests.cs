using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class WriteTurnTests
{
    [Fact]
    public async Task Writers_go_one_at_a_time_in_order_and_those_going_ahead_before_the_rest()
    {
        var turn = new WriteTurn();
        var order = new List<string>();
        var first = await turn.TakeAsync(goAhead: false, CancellationToken.None);

        var background1 = TakeAndNoteAsync(turn, false, "background 1", order);
        var background2 = TakeAndNoteAsync(turn, false, "background 2", order);
        var intake = TakeAndNoteAsync(turn, true, "intake", order);
        Assert.Empty(order);

        first.Dispose();
        await Task.WhenAll(background1, background2, intake);

        Assert.Equal(["intake", "background 1", "background 2"], order);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_is_passed_over_and_the_turn_is_free_again_after_the_last()
    {
        var turn = new WriteTurn();
        var held = await turn.TakeAsync(goAhead: false, CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var gaveUp = turn.TakeAsync(goAhead: true, leaving.Token);
        var order = new List<string>();
        var next = TakeAndNoteAsync(turn, false, "next", order);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        held.Dispose();
        held.Dispose();
        await next;

        Assert.Equal(["next"], order);
        using var free = await turn.TakeAsync(goAhead: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task TakeAndNoteAsync(WriteTurn turn, bool goAhead, string name, List<string> order)
    {
        using var held = await turn.TakeAsync(goAhead, CancellationToken.None);
        lock (order)
        {
            order.Add(name);
        }
    }
}
