using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class WorkerSharesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    [InlineData(7, 3)]
    public void A_repository_may_hold_half_the_workers_and_at_least_one(int workers, int share)
    {
        using var shares = new WorkerShares(workers);

        Assert.Equal(share, shares.Share);
    }

    [Fact]
    public async Task A_repository_at_its_share_is_skipped_until_one_of_its_deliveries_is_done()
    {
        using var shares = new WorkerShares(4);
        var skipped = new List<IReadOnlyCollection<string>>();
        Task<HeldShare?> ClaimAsync(string repo) => shares.ClaimAsync(
            skip =>
            {
                skipped.Add(skip);
                return Task.FromResult<InboxEntry?>(new InboxEntry { Id = skipped.Count, Item = Item($"d{skipped.Count}", "k") with { Repo = repo }, Attempts = 1 });
            },
            CancellationToken.None);

        var first = await ClaimAsync("octo/busy");
        using var second = await ClaimAsync("octo/busy");
        using var third = await ClaimAsync("octo/other");
        first!.Dispose();
        using var fourth = await ClaimAsync("octo/other");

        Assert.Equal([[], [], ["octo/busy"], []], skipped);
    }
}
