using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class InboxBacklogBoundTests
{
    [Fact]
    public void The_first_insert_counts()
    {
        Assert.True(new InboxBacklogBound(100).MustCount);
    }

    [Fact]
    public void After_a_count_half_the_headroom_is_inserted_before_the_next_count()
    {
        var bound = new InboxBacklogBound(100);
        bound.Counted(40);

        var uncounted = InsertsUntilCount(bound);

        // The counted insert and 29 more: 70 at most, still under the limit when another process adds nothing.
        Assert.Equal(30, uncounted);
    }

    [Fact]
    public void Next_to_the_limit_every_insert_counts()
    {
        var bound = new InboxBacklogBound(100);
        bound.Counted(99);

        Assert.Equal(1, InsertsUntilCount(bound));
    }

    [Fact]
    public void Far_below_the_limit_a_count_is_still_taken_now_and_then()
    {
        var bound = new InboxBacklogBound(SqlInbox.DefaultMaxPending);
        bound.Counted(0);

        Assert.Equal(InboxBacklogBound.RecountEvery, InsertsUntilCount(bound));
    }

    /// <summary>How many inserts, the counted one included, go in before the bound asks for a count again.</summary>
    private static int InsertsUntilCount(InboxBacklogBound bound)
    {
        var inserts = 0;
        do
        {
            bound.Inserted();
            inserts++;
        }
        while (!bound.MustCount && inserts < 1_000_000);

        return inserts;
    }
}
