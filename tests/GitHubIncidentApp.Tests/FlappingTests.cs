using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>A flapping group and the resolve hold-down through the running app, on a clock the test moves, counting what reaches GitHub.</summary>
public sealed class FlappingTests : AppTestBase
{
    // Just after the fixtures' alert ended (12:54:41): the hold-down runs from then.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 12, 55, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    private FakeIssue Incident => Assert.Single(Repo.Issues);

    private string Comments => $"^/repos/operate-first/incidents/issues/{Incident.Number}/comments$";

    private string IssuePath => $"^/repos/operate-first/incidents/issues/{Incident.Number}$";

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(".github/incidents.yml", "resolve:\n  delay: 5m\n");
        return base.StartAppAsync();
    }

    /// <summary>Moves the clock past the timed steps' tick, and waits (in real time) until <paramref name="until"/> or a while.</summary>
    private async Task AdvanceAsync(TimeSpan by, Func<bool>? until = null)
    {
        _clock.Advance(by);
        _clock.Advance(TimeSpan.FromSeconds(20));
        for (var waited = 0; waited < (until is null ? 300 : 10_000) && until?.Invoke() != true; waited += 50)
        {
            await Task.Delay(50);
        }

        await App.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task A_group_flapping_ten_times_stays_one_open_issue_labelled_flapping_and_closes_once_it_settles()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        GitHub.ClearRequests();

        for (var flap = 0; flap < 10; flap++)
        {
            await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
            await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        }

        // The first three flaps cost nothing; the fourth labels it and says so, once; the other six cost nothing.
        Assert.Equal("open", Incident.State);
        Assert.Contains("flapping", Incident.Labels);
        Assert.Contains("**Flapping:** this group resolved and fired again 4 times within 1h", Assert.Single(Incident.Comments).Body, StringComparison.Ordinal);
        Assert.Equal(1, GitHub.Count("POST", "^/repos/operate-first/incidents/labels$"));
        Assert.Equal("d4c5f9", Repo.Labels.Single(l => l.Name == "flapping").Color);
        Assert.Equal(1, GitHub.Count("PATCH", IssuePath));
        Assert.Equal(1, GitHub.Count("POST", Comments));
        Assert.Equal(0, GitHub.Count("POST", "^/repos/operate-first/incidents/issues$"));
        var flaps = App.Services.GetRequiredService<FlapMetrics>();
        Assert.Equal((10, 1), (flaps.Flaps.Get(), flaps.FlappingStarted.Get()));

        // Resolved again: it stays open until the group stayed resolved a whole flapping window.
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        await AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal("open", Incident.State);
        Assert.Equal(1, GitHub.Count("PATCH", IssuePath));

        await AdvanceAsync(TimeSpan.FromMinutes(30), until: () => Incident.Comments.Count > 1);
        Assert.Equal("closed", Incident.State);
        Assert.Contains("resolved", Incident.Labels);
        Assert.DoesNotContain("flapping", Incident.Labels);
        Assert.Contains("It flapped 10 times from", Incident.Comments[^1].Body, StringComparison.Ordinal);
        Assert.Equal(2, GitHub.Count("PATCH", IssuePath));
        Assert.Equal(2, GitHub.Count("POST", Comments));
        Assert.Single(Repo.Issues);
    }

    [Fact]
    public async Task With_a_hold_down_the_issue_closes_only_after_the_delay()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        GitHub.ClearRequests();

        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        Assert.Empty(GitHub.IssueCalls());
        Assert.Equal("open", Incident.State);

        await AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal("open", Incident.State);
        Assert.Empty(GitHub.IssueCalls());

        // 12:54:41 + 5m has passed.
        await AdvanceAsync(TimeSpan.FromMinutes(3), until: () => Incident.Comments.Count > 0);
        Assert.Equal("closed", Incident.State);
        Assert.Equal(["incident", "severity/critical", "resolved"], Incident.Labels);
        Assert.Contains("after **12s**", Assert.Single(Incident.Comments).Body, StringComparison.Ordinal);
        Assert.Equal(["GET", "PATCH", "POST"], GitHub.IssueCalls().Select(r => r.Method));
    }
}
