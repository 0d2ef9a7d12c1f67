using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>Pinning open incidents of the most severe level through GraphQL, against the fake GitHub's pins.</summary>
public sealed class PinTests : AppTestBase
{
    private int GraphQLCalls => GitHub.Count("POST", "^/graphql$");

    private async Task<long> PinsCountedAsync(string action)
    {
        var line = (await App.Client.GetStringAsync(new Uri(App.BaseUrl, "metrics"))).Split('\n')
            .Single(l => l.StartsWith($"incident_app_pins_total{{action=\"{action}\"}} ", StringComparison.Ordinal));
        return long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_critical_incident_is_pinned_when_it_opens_and_unpinned_when_it_resolves()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var issue = Assert.Single(Repo.Issues);
        Assert.Equal([issue.Number], Repo.Pinned);
        Assert.Equal(1, GraphQLCalls);

        // An unchanged re-send costs nothing; resolving closes and unpins it.
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        Assert.Equal(1, GraphQLCalls);
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        Assert.Equal("closed", Repo.Issue(issue.Number).State);
        Assert.Empty(Repo.Pinned);
        Assert.Equal(2, GraphQLCalls);
        Assert.Equal(1, await PinsCountedAsync("pinned"));
        Assert.Equal(1, await PinsCountedAsync("unpinned"));
    }

    [Fact]
    public async Task When_three_are_pinned_the_oldest_pin_the_app_made_gives_way_and_a_persons_pin_stays()
    {
        var persons = Repo.AddIssue("Read me first");
        Repo.Pin(persons.Number);

        await App.DeliverAsync(Payloads.Group("DiskFull"));
        await App.DeliverAsync(Payloads.Group("CpuHigh"));
        Assert.Equal([1, 2, 3], Repo.Pinned);

        await App.DeliverAsync(Payloads.Group("MemoryHigh"));

        Assert.Equal([1, 3, 4], Repo.Pinned);
        // The refused pin, the list of pins, the oldest app pin's unpin, the pin again.
        Assert.Equal(2 + 4, GraphQLCalls);
        Assert.Equal(3, await PinsCountedAsync("pinned"));
        Assert.Equal(1, await PinsCountedAsync("gave_way"));
        Assert.Equal(0, await PinsCountedAsync("refused"));

        // The incident whose pin gave way no longer counts as pinned: it resolves later with no unpin, and without
        // touching the person's pin.
        await App.DeliverAsync(Payloads.Group("DiskFull", fixture: "resolved"));
        Assert.Contains(1, Repo.Pinned);
        Assert.Equal(2 + 4, GraphQLCalls);
        Assert.Equal(0, await PinsCountedAsync("unpinned"));
    }

    [Fact]
    public async Task An_incident_below_the_most_severe_level_is_not_pinned()
    {
        await App.DeliverAsync(Payloads.Group("DiskFilling", severity: "warning"));

        Assert.Single(Repo.Issues);
        Assert.Empty(Repo.Pinned);
        Assert.Equal(0, GraphQLCalls);
    }

    [Fact]
    public async Task Pin_false_makes_no_GraphQL_call()
    {
        Repo.SetFile(".github/incidents.yml", "pin: false\n");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        Assert.Equal("closed", Assert.Single(Repo.Issues).State);
        Assert.Equal(0, GraphQLCalls);
    }

    [Fact]
    public async Task A_refused_pin_is_logged_and_the_incident_goes_on()
    {
        // Three pins of people's: none is the app's to take away.
        foreach (var title in new[] { "a", "b", "c" })
        {
            Repo.Pin(Repo.AddIssue(title).Number);
        }

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var incident = Repo.Issue(4);
        Assert.Equal("open", incident.State);
        Assert.Equal([1, 2, 3], Repo.Pinned);
        Assert.Equal(2, GraphQLCalls);
        Assert.Equal(1, await PinsCountedAsync("refused"));
        Assert.Equal(0, await PinsCountedAsync("pinned"));
    }
}
