using GitHubIncidentApp.Core.Reports;

namespace GitHubIncidentApp.Core.Tests.Reports;

public sealed class ReportFiguresTests
{
    // Monday 2026-11-23 to Sunday 2026-11-29, in UTC to keep the arithmetic plain.
    private static readonly ReportPeriod Week = ReportPeriod.OfDays(new DateOnly(2026, 11, 23), 7, TimeZoneInfo.Utc);
    private static readonly DateTimeOffset Monday = Week.From;

    private static ReportIncident Incident(int issue, string name, string severity, DateTimeOffset started, int? ackMinutes = null, int? resolveMinutes = null, string route = "db") => new()
    {
        Issue = issue,
        Name = name,
        Severity = severity,
        Route = route,
        StartedAt = started,
        AcknowledgedAt = ackMinutes is { } ack ? started.AddMinutes(ack) : null,
        ResolvedAt = resolveMinutes is { } resolve ? started.AddMinutes(resolve) : null,
    };

    private static ReportFigures Compute(IReadOnlyList<ReportIncident> incidents, IReadOnlyList<ReportShift>? shifts = null, IReadOnlyList<ReportStorm>? storms = null) =>
        ReportFigures.Compute(new ReportInput(incidents, storms ?? [], shifts ?? [], ["critical", "warning", "info"]), Week);

    [Fact]
    public void Counts_and_times_by_severity_are_of_the_incidents_opened_in_the_period()
    {
        var figures = Compute(
        [
            Incident(1, "DiskFull", "warning", Monday.AddHours(1), ackMinutes: 10, resolveMinutes: 60),
            Incident(2, "DiskFull", "warning", Monday.AddHours(30), ackMinutes: 2, resolveMinutes: 20),
            Incident(3, "DiskFull", "warning", Monday.AddHours(50), ackMinutes: 40),
            Incident(4, "ApiDown", "critical", Monday.AddDays(2), ackMinutes: 1, resolveMinutes: 5),
            // Opened the week before, resolved in this one: counted as resolved, not in the times.
            Incident(5, "ApiDown", "critical", Monday.AddHours(-2), ackMinutes: 1, resolveMinutes: 240),
            // Opened after the period.
            Incident(6, "ApiDown", "critical", Week.To.AddHours(1)),
        ]);

        Assert.Equal(4, figures.Opened);
        Assert.Equal(4, figures.Resolved);
        Assert.Equal([("critical", 1), ("warning", 3)], figures.OpenedBySeverity);
        var warning = Assert.Single(figures.BySeverity, f => f.Group == "warning");
        Assert.Equal(new TimeFigures("warning", 3, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(60)), warning);
        Assert.Equal("critical", figures.BySeverity[0].Group);
        Assert.Equal([1, 1, 2, 0, 0, 0, 0], figures.OpenedPerDay.Select(d => d.Incidents));
    }

    [Fact]
    public void Times_by_route_group_the_incidents_of_each_route()
    {
        var figures = Compute(
        [
            Incident(1, "A", "warning", Monday.AddHours(1), ackMinutes: 5, route: "@org/db"),
            Incident(2, "B", "warning", Monday.AddHours(2), ackMinutes: 15, route: "@org/db"),
            Incident(3, "C", "warning", Monday.AddHours(3), ackMinutes: 30, route: "(no route)"),
        ]);

        Assert.Equal(["@org/db", "(no route)"], figures.ByRoute.Select(f => f.Group));
        Assert.Equal((2, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)), (figures.ByRoute[0].Incidents, figures.ByRoute[0].AckMedian!.Value, figures.ByRoute[0].AckP90!.Value));
        Assert.Null(figures.ByRoute[1].ResolveMedian);
    }

    [Fact]
    public void The_noisiest_alerts_by_time_firing_count_only_the_time_within_the_period()
    {
        var figures = Compute(
        [
            // Three short incidents: the most incidents.
            Incident(1, "Flaky", "warning", Monday.AddHours(1), resolveMinutes: 5),
            Incident(2, "Flaky", "warning", Monday.AddHours(2), resolveMinutes: 5),
            Incident(3, "Flaky", "warning", Monday.AddHours(3), resolveMinutes: 5),
            // Fired from two days before the period until 3 h into it: 3 h within it.
            Incident(4, "Slow", "warning", Monday.AddDays(-2), resolveMinutes: (2 * 24 * 60) + 180),
            // Still firing at the end: from Sunday 20:00, 4 h.
            Incident(5, "Stuck", "warning", Week.To.AddHours(-4)),
        ]);

        Assert.Equal(("Flaky", 3), figures.NoisiestByIncidents[0]);
        Assert.Equal([("Stuck", TimeSpan.FromHours(4)), ("Slow", TimeSpan.FromHours(3)), ("Flaky", TimeSpan.FromMinutes(15))], figures.NoisiestByFiring);
    }

    [Fact]
    public void On_call_hours_follow_the_hand_off_and_pages_count_per_person()
    {
        // Alice holds the rotation until Wednesday 00:00, Bob after; an incident fires Tuesday 20:00 to Wednesday 02:00.
        var handOff = Monday.AddDays(2);
        var incident = Incident(1, "ApiDown", "critical", handOff.AddHours(-4), resolveMinutes: 6 * 60) with
        {
            Pages = [new ReportPage(handOff.AddHours(-4), "alice"), new ReportPage(handOff.AddMinutes(15), "bob"), new ReportPage(handOff.AddMinutes(30), "carol")],
        };
        // Alice is also in a second rotation overlapping the first: her hours count once.
        var figures = Compute([incident],
        [
            new ReportShift("alice", Monday, handOff),
            new ReportShift("alice", handOff.AddHours(-6), handOff),
            new ReportShift("bob", handOff, Week.To),
        ]);

        Assert.Equal(
        [
            new PersonLoad("alice", 1, TimeSpan.FromHours(4)),
            new PersonLoad("bob", 1, TimeSpan.FromHours(2)),
            new PersonLoad("carol", 1, TimeSpan.Zero),
        ], figures.OnCall);
    }

    [Fact]
    public void Flaps_storms_and_escalation_steps_are_those_of_the_period()
    {
        var flapping = Incident(1, "Flappy", "warning", Monday.AddHours(1)) with
        {
            Flaps = [Monday.AddHours(-3), Monday.AddHours(2), Monday.AddHours(3)],
            FlappingSince = Monday.AddHours(3),
            Steps = [new ReportStep(Monday.AddHours(1).AddMinutes(15), "default"), new ReportStep(Week.To.AddMinutes(1), "default")],
        };
        var storms = new[] { new ReportStorm(9, Monday.AddDays(3), Monday.AddDays(3).AddHours(1), 14), new ReportStorm(8, Monday.AddDays(-3), Monday.AddDays(-2), 20) };

        var figures = Compute([flapping], storms: storms);

        Assert.Equal([(1, "Flappy", 2, true)], figures.Flapping);
        Assert.Equal(9, Assert.Single(figures.Storms).Issue);
        Assert.Equal([("default", 1)], figures.EscalationSteps);
    }

    [Fact]
    public void A_period_without_incidents_is_quiet()
    {
        Assert.True(Compute([Incident(1, "Old", "warning", Monday.AddDays(-9), resolveMinutes: 5)]).IsQuiet);
        Assert.False(Compute([Incident(1, "New", "warning", Monday.AddDays(1))]).IsQuiet);
    }
}
