using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.OnCall;
using Ical.Net.CalendarComponents;
using static GitHubIncidentApp.Core.Tests.OnCall.Schedules;

namespace GitHubIncidentApp.Core.Tests.OnCall;

/// <summary>The calendar, parsed back with Ical.Net, says what the resolver says, across the start of summer time in Berlin.</summary>
public partial class ScheduleCalendarTests
{
    /// <summary>Daily hand-offs at 09:00 Berlin time over Sunday 2027-03-28 (clocks go from 02:00 to 03:00), weekday office hours, and an override.</summary>
    private static readonly OnCallConfig Config = Parse("""
        timezone: Europe/Berlin
        oncall:
          rotations:
            daily: { members: [alice, bob, carol], start: 2027-03-01T09:00, shift: 1d }
            office: { members: [[dave, erin], frank], start: 2027-03-01T09:00, shift: 1w, restrict: [{days: mon-fri, from: "09:00", to: "17:00"}], level: 1 }
          overrides:
            - { rotation: daily, user: gina, from: 2027-03-27T20:00, to: 2027-03-28T12:00 }
        """);

    private static readonly DateTimeOffset From = At("2027-03-24T00:00+01:00");
    private static readonly DateTimeOffset To = ZoneTime.AddDays(From, 10, Config.TimeZone);
    private static readonly DateTimeOffset Stamp = At("2027-03-23T12:00Z");

    private static IReadOnlyList<CalendarEvent> Events(DateTimeOffset from, string? person = null) =>
        [.. Ical.Net.Calendar.Load(ScheduleCalendar.Render(Config, "acme/ops", person, ScheduleCalendar.Shifts(Config, from, To, person), Stamp))!.Events];

    private static DateTimeOffset Start(CalendarEvent e) => new(e.DtStart!.AsUtc, TimeSpan.Zero);

    private static DateTimeOffset End(CalendarEvent e) => new(e.DtEnd!.AsUtc, TimeSpan.Zero);

    private static (string[] People, string Rotation) Holder(CalendarEvent e)
    {
        var match = SummaryPattern().Match(e.Summary!);
        Assert.True(match.Success, e.Summary);
        return (match.Groups["people"].Value.Split(", "), match.Groups["rotation"].Value);
    }

    [Fact]
    public void Every_half_hour_each_rotation_s_holder_is_the_one_event_covering_it()
    {
        var events = Events(From);

        for (var at = From; at < To; at = at.AddMinutes(30))
        {
            foreach (var rotation in Config.Rotations.Keys)
            {
                var expected = OnCallResolver.RotationAt(Config, rotation, at);
                var covering = events.Where(e => Holder(e).Rotation == rotation && Start(e) <= at && at < End(e)).ToList();
                if (expected.IsEmpty)
                {
                    Assert.Empty(covering);
                }
                else
                {
                    Assert.Equal(expected.People, Holder(Assert.Single(covering)).People);
                }
            }
        }
    }

    [Fact]
    public void Daily_hand_offs_keep_local_nine_across_the_spring_forward_change()
    {
        var starts = Events(From).Where(e => Holder(e).Rotation == "daily").Select(Start).ToList();

        Assert.Contains(At("2027-03-27T09:00+01:00"), starts);
        Assert.Contains(At("2027-03-27T20:00+01:00"), starts); // gina's override
        Assert.Contains(At("2027-03-28T12:00+02:00"), starts); // back to the shift after it
        Assert.Contains(At("2027-03-29T09:00+02:00"), starts);
        Assert.DoesNotContain(At("2027-03-28T09:00+02:00"), starts);
    }

    [Fact]
    public void Events_are_in_utc_with_an_override_marked_and_leave_free_busy_alone()
    {
        var events = Events(From);
        var gina = Assert.Single(events, e => Holder(e).People.SequenceEqual(["gina"]));

        Assert.Equal("On call: gina (daily, override)", gina.Summary);
        Assert.Contains("oncall.overrides[0]", gina.Description, StringComparison.Ordinal);
        Assert.All(events, e => Assert.True(e.DtStart!.IsUtc && e.DtEnd!.IsUtc));
        Assert.All(events, e => Assert.Equal("TRANSPARENT", e.Transparency));
    }

    [Fact]
    public void A_stretch_begun_before_the_range_is_shown_whole_and_keeps_its_uid_the_next_day()
    {
        var today = Events(From);
        var tomorrow = Events(From.AddDays(1));

        var first = today.Where(e => Holder(e).Rotation == "daily").MinBy(Start)!;
        Assert.Equal(At("2027-03-23T09:00+01:00"), Start(first));
        Assert.Equal(today.Count, today.Select(e => e.Uid).Distinct().Count());
        var kept = tomorrow.ToDictionary(e => e.Uid!);
        Assert.All(today.Where(e => End(e) > From.AddDays(1)), e => Assert.Equal(Start(e), Start(kept[e.Uid!])));
    }

    [Fact]
    public void A_person_s_calendar_holds_their_stretches_only_and_the_same_events()
    {
        var all = Events(From).ToDictionary(e => e.Uid!);
        var dave = Events(From, "Dave");

        Assert.NotEmpty(dave);
        Assert.All(dave, e => Assert.Contains("dave", Holder(e).People));
        Assert.Equal(all.Values.Where(e => Holder(e).People.Contains("dave")).Select(e => e.Uid).Order(), dave.Select(e => e.Uid).Order());
        Assert.All(dave, e => Assert.Equal(Start(all[e.Uid!]), Start(e)));
    }

    [GeneratedRegex(@"^On call: (?<people>.+) \((?<rotation>[^,)]+)(, override)?\)$")]
    private static partial Regex SummaryPattern();
}
