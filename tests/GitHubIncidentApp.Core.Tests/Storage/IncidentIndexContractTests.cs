using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;
using static GitHubIncidentApp.Core.Tests.Storage.StorageSamples;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>What every incident index does, whatever database holds it.</summary>
public abstract class IncidentIndexContractTests(StorageBackend backend) : IAsyncLifetime
{
    private static readonly RepoRef Repo = new("Octo-Org", "Payments");

    private IIncidentIndex index = null!;

    public async Task InitializeAsync() => index = backend.Index(await backend.OpenAsync());

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task An_unknown_key_is_not_found()
    {
        Assert.Null(await index.FindAsync(Repo, "missing", CancellationToken.None));
    }

    [Fact]
    public async Task An_upserted_incident_round_trips_every_field()
    {
        var incident = Incident(
            42,
            ["incident", "severity: \"critical\"", "équipe/paiements"],
            new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.FromHours(-5)).AddTicks(7654320));

        await index.UpsertAsync(incident, CancellationToken.None);
        var found = await index.FindAsync(Repo, "alertname=HighLatency", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(incident.Repo.ToString(), found.Repo.ToString());
        Assert.Equal(incident.Key, found.Key);
        Assert.Equal(42, found.IssueNumber);
        Assert.Equal(incident.StateJson, found.StateJson);
        Assert.Equal(incident.Labels, found.Labels);
        Assert.Equal(incident.UpdatedAt.UtcTicks, found.UpdatedAt.UtcTicks);
    }

    [Fact]
    public async Task An_incident_is_found_by_its_issue_number_in_its_repo_only()
    {
        await index.UpsertAsync(Incident(42, ["incident"], T0), CancellationToken.None);

        var found = await index.FindByIssueAsync(new RepoRef("octo-org", "payments"), 42, CancellationToken.None);

        Assert.Equal("alertname=HighLatency", found?.Key);
        Assert.Null(await index.FindByIssueAsync(Repo, 43, CancellationToken.None));
        Assert.Null(await index.FindByIssueAsync(new RepoRef("octo-org", "other"), 42, CancellationToken.None));
    }

    [Fact]
    public async Task An_upsert_replaces_the_incident_of_the_same_repo_and_key()
    {
        await index.UpsertAsync(Incident(42, ["incident", "firing"], T0), CancellationToken.None);
        var replacement = Incident(43, [], T0.AddHours(1)) with
        {
            Repo = new RepoRef("octo-org", "PAYMENTS"),
            StateJson = """{"status":"resolved"}""",
        };

        await index.UpsertAsync(replacement, CancellationToken.None);
        var found = await index.FindAsync(Repo, replacement.Key, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("octo-org/PAYMENTS", found.Repo.ToString());
        Assert.Equal(43, found.IssueNumber);
        Assert.Equal(replacement.StateJson, found.StateJson);
        Assert.Empty(found.Labels);
        Assert.Equal(replacement.UpdatedAt, found.UpdatedAt);
    }

    [Fact]
    public async Task Repos_match_case_insensitively_and_keys_exactly()
    {
        await index.UpsertAsync(Incident(42, ["incident"], T0), CancellationToken.None);

        Assert.Equal(42, (await index.FindAsync(new RepoRef("OCTO-ORG", "payments"), "alertname=HighLatency", CancellationToken.None))?.IssueNumber);
        Assert.Null(await index.FindAsync(Repo, "ALERTNAME=HIGHLATENCY", CancellationToken.None));
        Assert.Null(await index.FindAsync(new RepoRef("Octo-Org", "Billing"), "alertname=HighLatency", CancellationToken.None));
    }

    [Fact]
    public async Task A_repo_is_indexed_once_marked_whatever_its_case()
    {
        Assert.False(await index.IsRepoIndexedAsync(Repo, CancellationToken.None));

        await index.MarkRepoIndexedAsync(Repo, CancellationToken.None);
        await index.MarkRepoIndexedAsync(new RepoRef("octo-org", "payments"), CancellationToken.None);

        Assert.True(await index.IsRepoIndexedAsync(new RepoRef("OCTO-ORG", "PAYMENTS"), CancellationToken.None));
        Assert.False(await index.IsRepoIndexedAsync(new RepoRef("Octo-Org", "Billing"), CancellationToken.None));
    }

    [Fact]
    public async Task Due_incidents_come_soonest_first_and_only_once_due()
    {
        var t0 = T0;
        await index.UpsertAsync(Incident(1, [], t0) with { Key = "a", DueAt = t0.AddMinutes(15) }, CancellationToken.None);
        await index.UpsertAsync(Incident(2, [], t0) with { Key = "b", DueAt = t0.AddMinutes(5) }, CancellationToken.None);
        await index.UpsertAsync(Incident(3, [], t0) with { Key = "c" }, CancellationToken.None);

        var early = await index.FindDueAsync(t0.AddMinutes(4), 10, CancellationToken.None);
        var later = await index.FindDueAsync(t0.AddMinutes(15), 10, CancellationToken.None);
        await index.UpsertAsync(Incident(2, [], t0) with { Key = "b", DueAt = null }, CancellationToken.None);
        var afterClearing = await index.FindDueAsync(t0.AddHours(1), 10, CancellationToken.None);

        Assert.Empty(early);
        Assert.Equal([2, 1], later.Select(i => i.IssueNumber));
        Assert.Equal(t0.AddMinutes(5).UtcTicks, later[0].DueAt!.Value.UtcTicks);
        Assert.Equal([1], afterClearing.Select(i => i.IssueNumber));
    }

    private static IndexedIncident Incident(int issueNumber, string[] labels, DateTimeOffset updatedAt) => new()
    {
        Repo = Repo,
        Key = "alertname=HighLatency",
        IssueNumber = issueNumber,
        StateJson = """{"status":"firing","fingerprints":["a1b2"]}""",
        Labels = labels,
        UpdatedAt = updatedAt,
    };
}
