using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

public sealed class OnCallCommandTests : IDisposable
{
    private readonly RepoForCommandTests _repo = new();

    public void Dispose() => _repo.Dispose();

    private Task<(int Exit, string Output, string Errors)> OnCallAsync(params string[] args) =>
        RepoForCommandTests.RunAsync((a, o, e) => OnCallCommand.RunAsync(a, o, e), ["--repo-dir", _repo.Path, .. args]);

    [Fact]
    public async Task Shows_each_rotation_with_where_its_people_come_from()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, output, errors) = await OnCallAsync("--at", "2026-12-24T10:00");

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Equal(
            """
            On call at Thu 2026-12-24 10:00 +01:00 (Europe/Berlin), 2026-12-24T09:00Z:
              primary  level 0  dave, Thu 2026-12-24 00:00 +01:00 to Sun 2026-12-27 00:00 +01:00 [override (oncall.overrides[0])]
              weekend  level 1  —, Mon 2026-12-21 00:00 +01:00 to Sat 2026-12-26 00:00 +01:00 [gap]
              nights   level 0  —, Thu 2026-12-24 09:00 +01:00 to Thu 2026-12-24 18:00 +01:00 [gap]
            Gets an incident without a route: dave (primary, oncall.overrides[0])

            """,
            output);
    }

    [Fact]
    public async Task Defaults_to_now()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));

        var (_, output, _) = await RepoForCommandTests.RunAsync((args, o, e) => OnCallCommand.RunAsync(args, o, e, now), "--repo-dir", _repo.Path);

        Assert.StartsWith("On call at Tue 2026-12-01 08:00 +01:00 (Europe/Berlin), 2026-12-01T07:00Z:\n", output, StringComparison.Ordinal);
        Assert.Contains("Gets an incident without a route: gina (nights), hank (nights)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_rotation_is_empty_when_empty_gets_it()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        // Monday 03:00: the weekend is over, the night window opens only on Monday evening, office hours at 09:00.
        var (_, output, _) = await OnCallAsync("--at", "2026-11-30T03:00");

        Assert.Contains("  nights   level 0  —, Sat 2026-11-28 09:00 +01:00 to Mon 2026-11-30 18:00 +01:00 [gap]", output, StringComparison.Ordinal);
        Assert.Contains("Gets an incident without a route: @operate-first/sre (when_empty)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_without_offset_is_local_to_the_file_and_hand_offs_keep_their_local_hour_across_daylight_saving()
    {
        _repo.WithConfig(SchedulesForCommandTests.DaylightSaving);

        // Summer time ends on Sunday 2026-10-25: the Monday hand-off is at 09:00 CET, 08:00 UTC.
        var (_, beforeHandOff, _) = await OnCallAsync("--at", "2026-10-26T08:59");
        var (_, afterHandOff, _) = await OnCallAsync("--at", "2026-10-26T09:00");
        var (_, sameInstantUtc, _) = await OnCallAsync("--at", "2026-10-26T08:00Z");
        var (_, beforeChange, _) = await OnCallAsync("--at", "2026-10-24T09:00+02:00");

        Assert.Contains("  daily  level 0  alice, Sun 2026-10-25 09:00 +01:00 to Mon 2026-10-26 09:00 +01:00 [shift]", beforeHandOff, StringComparison.Ordinal);
        Assert.Contains("  daily  level 0  bob, Mon 2026-10-26 09:00 +01:00 to Tue 2026-10-27 09:00 +01:00 [shift]", afterHandOff, StringComparison.Ordinal);
        Assert.Equal(afterHandOff, sameInstantUtc);
        Assert.Contains("On call at Sat 2026-10-24 09:00 +02:00 (Europe/Berlin), 2026-10-24T07:00Z:", beforeChange, StringComparison.Ordinal);
        Assert.Contains("  daily  level 0  bob, Sat 2026-10-24 09:00 +02:00 to Sun 2026-10-25 09:00 +01:00 [shift]", beforeChange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_show_the_route_they_take_and_whom_it_assigns()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, jupyter, _) = await OnCallAsync("--at", "2026-12-01T10:00", "--labels", "namespace=opf-jupyterhub,severity=critical");
        var (_, other, _) = await OnCallAsync("--at", "2026-11-30T20:00", "--labels", "namespace=argo, severity=\"info\"");

        Assert.Equal(0, exit);
        Assert.EndsWith(
            """
            Alert labels namespace="opf-jupyterhub", severity="critical":
              route: routes[0] matchers {namespace=~"opf-jupyter.*"}, assign [primary, @operate-first/jupyter]
              severity: critical, escalation policy: default
              assigns: bob; mentions: @operate-first/jupyter

            """,
            jupyter,
            StringComparison.Ordinal);
        Assert.EndsWith(
            """
              route: routes[1] matchers {} (catch-all), assign [nights]
              severity: info, escalation policy: none (from the route)
              assigns: gina, hank

            """,
            other,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_routes_the_schedule_owns_alerts()
    {
        _repo.WithConfig(SchedulesForCommandTests.DaylightSaving);

        var (_, output, _) = await OnCallAsync("--at", "2026-10-26T10:00", "--labels", "severity=warning");

        Assert.Contains("  route: the file has no routes, so the schedule's on-call people own it\n  severity: warning, escalation policy: none (severity warning)\n  assigns: bob\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_severity_is_shown_as_the_level_the_app_gives_it()
    {
        _repo.WithConfig(SchedulesForCommandTests.DaylightSaving);

        var (_, output, _) = await OnCallAsync("--at", "2026-10-26T10:00", "--labels", "severity=bogus");

        Assert.Contains("  severity: warning, escalation policy: none (severity warning)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_its_errors()
    {
        _repo.WithConfig("oncall:\n  rotations:\n    primary: { members: [alice], start: soon, shift: 1w }\n");

        var (exit, output, errors) = await OnCallAsync();

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith(".github/incidents.yml:3:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_schedule_is_explained()
    {
        var (missingExit, _, missing) = await OnCallAsync();
        _repo.WithConfig("labels: [team]");
        var (noScheduleExit, _, noSchedule) = await OnCallAsync();

        Assert.Equal((1, 1), (missingExit, noScheduleExit));
        Assert.Contains("incidents.yml does not exist", missing, StringComparison.Ordinal);
        Assert.Contains("has no on-call schedule; add an 'oncall:' section", noSchedule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "tomorrow", "--at 'tomorrow' is not a local time")]
    [InlineData("--labels", "namespace", "--labels 'namespace' is not a list of NAME=VALUE pairs")]
    [InlineData("--when", "now", "unexpected argument '--when'")]
    public async Task Explains_bad_arguments(string option, string value, string expected)
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, _, errors) = await OnCallAsync(option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }
}
