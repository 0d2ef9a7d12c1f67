using GitHubIncidentApp.Core.Incidents.Intake;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public class InboxSignalTests
{
    [Fact]
    public async Task A_wake_up_given_while_no_worker_waits_is_kept_for_the_next_one()
    {
        var signal = new InboxSignal(workers: 2);

        signal.Wake();

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Each_wake_up_frees_one_waiting_worker_not_all()
    {
        var signal = new InboxSignal(workers: 3);
        var waiting = Enumerable.Range(0, 3).Select(_ => signal.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).ToList();

        signal.Wake();
        await Task.WhenAny(waiting);
        await Task.Delay(100);

        Assert.Equal(1, waiting.Count(w => w.IsCompleted));
        signal.Wake();
        signal.Wake();
        Assert.All(await Task.WhenAll(waiting), Assert.True);
    }

    [Fact]
    public async Task A_storm_of_arrivals_keeps_at_most_one_wake_up_per_worker()
    {
        var signal = new InboxSignal(workers: 2);

        for (var i = 0; i < 1_000; i++)
        {
            signal.Wake();
        }

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
