using GitHubIncidentApp.Core.OnCall;
using static GitHubIncidentApp.Core.Tests.OnCall.Schedules;

namespace GitHubIncidentApp.Core.Tests.OnCall;

/// <summary>Hand-offs keep their local time across daylight-saving changes, gaps and overlaps, and far from UTC.</summary>
public class OnCallResolverTimeZoneTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2027-03-24T09:00", "2027-03-27T09:00+01:00", "2027-03-28T09:00+02:00", "2027-03-29T09:00+02:00")]
    [InlineData("Europe/Berlin", "2026-10-21T09:00", "2026-10-24T09:00+02:00", "2026-10-25T09:00+01:00", "2026-10-26T09:00+01:00")]
    [InlineData("America/New_York", "2027-03-10T09:00", "2027-03-13T09:00-05:00", "2027-03-14T09:00-04:00", "2027-03-15T09:00-04:00")]
    [InlineData("America/New_York", "2026-10-28T09:00", "2026-10-31T09:00-04:00", "2026-11-01T09:00-05:00", "2026-11-02T09:00-05:00")]
    public void A_daily_hand_off_stays_at_local_nine_across_a_daylight_saving_change(string zone, string start, params string[] handoffs)
    {
        var config = Parse($$"""
            timezone: {{zone}}
            oncall:
              rotations:
                daily: { members: [a, b, c, d, e, f, g], start: {{start}}, shift: 1d }
            """);

        var segments = OnCallResolver.Handoffs(config, At(handoffs[0]).AddHours(-1), At(handoffs[^1]).AddHours(1));

        Assert.Equal(handoffs.Select(At), segments.Skip(1).Select(segment => segment.Start));
        Assert.Equal(["c", "d", "e", "f"], segments.Select(segment => segment.Occupant.People.Single()));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2027-03-22T09:00", "2027-03-29T09:00+02:00")]
    [InlineData("Europe/Berlin", "2026-10-19T09:00", "2026-10-26T09:00+01:00")]
    [InlineData("America/New_York", "2027-03-08T09:00", "2027-03-15T09:00-04:00")]
    [InlineData("America/New_York", "2026-10-26T09:00", "2026-11-02T09:00-05:00")]
    public void A_weekly_hand_off_stays_at_local_nine_across_a_daylight_saving_change(string zone, string start, string handoff)
    {
        var config = Parse($$"""
            timezone: {{zone}}
            oncall:
              rotations:
                weekly: { members: [alice, bob], start: {{start}}, shift: 1w }
            """);

        Assert.Equal(["alice"], Assignees(config, At(handoff).AddMinutes(-1).ToString("o")));
        Assert.Equal(["bob"], Assignees(config, handoff));
    }

    [Fact]
    public void A_start_in_the_spring_forward_gap_begins_when_the_gap_ends()
    {
        var config = Parse("""
            timezone: Europe/Berlin
            oncall:
              rotations:
                early: { members: [alice, bob, carol], start: 2027-03-28T02:30, shift: 1d }
            """);

        var segments = OnCallResolver.Handoffs(config, At("2027-03-28T00:00Z"), At("2027-03-30T12:00Z"));

        Assert.Equal(
            [
                (At("2027-03-28T00:00Z"), At("2027-03-28T03:00+02:00"), ""),
                (At("2027-03-28T03:00+02:00"), At("2027-03-29T02:30+02:00"), "alice"),
                (At("2027-03-29T02:30+02:00"), At("2027-03-30T02:30+02:00"), "bob"),
                (At("2027-03-30T02:30+02:00"), At("2027-03-30T12:00Z"), "carol"),
            ],
            segments.Select(segment => (segment.Start, segment.End, string.Join(",", segment.Occupant.People))));
    }

    [Fact]
    public void A_start_that_the_fall_back_repeats_means_its_first_occurrence()
    {
        var config = Parse("""
            timezone: Europe/Berlin
            oncall:
              rotations:
                early: { members: [alice, bob], start: 2026-10-25T02:30, shift: 1d }
            """);

        Assert.Empty(Assignees(config, "2026-10-25T02:29+02:00"));
        Assert.Equal(["alice"], Assignees(config, "2026-10-25T02:30+02:00"));
        Assert.Equal(["alice"], Assignees(config, "2026-10-25T02:30+01:00"));
        Assert.Equal(["bob"], Assignees(config, "2026-10-26T02:30+01:00"));
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", "2026-11-01T19:00Z")]   // UTC+14: local Monday 09:00 is Sunday in UTC
    [InlineData("Pacific/Tongatapu", "2026-11-01T20:00Z")]    // UTC+13
    public void A_zone_east_of_utc_plus_twelve_hands_off_on_the_previous_utc_day(string zone, string firstShift)
    {
        var config = Parse($$"""
            timezone: {{zone}}
            oncall:
              rotations:
                daily: { members: [alice, bob], start: 2026-11-02T09:00, shift: 1d, restrict: [{days: mon-fri}] }
            """);

        Assert.Empty(Assignees(config, At(firstShift).AddMinutes(-1).ToString("o")));
        Assert.Equal(["alice"], Assignees(config, firstShift));
        Assert.Equal(["bob"], Assignees(config, At(firstShift).AddDays(1).ToString("o")));
        Assert.Empty(Assignees(config, At(firstShift).AddDays(5).ToString("o")));  // local Saturday 09:00
    }
}
