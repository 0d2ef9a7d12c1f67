using GitHubIncidentApp.Core.OnCall;
using static GitHubIncidentApp.Core.Tests.OnCall.Schedules;

namespace GitHubIncidentApp.Core.Tests.OnCall;

/// <summary>
/// Random instants over a year against the definition, recomputed naively from the local calendar:
/// the daily shift that began at the last local 09:00, on call only on weekdays 09:00-18:00.
/// </summary>
public class OnCallResolverPropertyTests
{
    private static readonly string[] Members = ["a", "b", "c", "d", "e"];

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Australia/Lord_Howe")]   // a half-hour daylight-saving change
    public void Every_instant_of_a_year_has_the_member_the_definition_gives(string zone)
    {
        var config = Parse($$"""
            timezone: {{zone}}
            oncall:
              rotations:
                daily:
                  members: [a, b, c, d, e]
                  start: 2026-11-02T09:00
                  shift: 1d
                  restrict: [{days: mon-fri, from: "09:00", to: "18:00"}]
            """);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var random = new Random(20261102);
        var yearStart = At("2026-11-01T00:00Z");

        for (var round = 0; round < 3_000; round++)
        {
            var at = yearStart.AddMinutes(random.Next(366 * 24 * 60));

            Assert.Equal(Expected(at, timeZone), OnCallResolver.WhoIsOnCall(config, at).Assignees.SingleOrDefault());
        }
    }

    private static string? Expected(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var shift = (local.Date - new DateTime(2026, 11, 2)).Days - (local.TimeOfDay < TimeSpan.FromHours(9) ? 1 : 0);
        var weekday = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        return shift >= 0 && weekday && local.Hour is >= 9 and < 18 ? Members[shift % Members.Length] : null;
    }

    [Theory]
    [InlineData("Europe/Berlin", "12h")]
    [InlineData("America/New_York", "1w")]
    [InlineData("Pacific/Tongatapu", "2d")]
    public void Handoffs_agree_with_who_is_on_call_at_every_instant(string zone, string shift)
    {
        var config = Parse($$"""
            timezone: {{zone}}
            oncall:
              rotations:
                main: { members: [a, [b, c], d], start: 2026-10-20T09:00, shift: {{shift}}, restrict: [{days: fri-mon, from: "20:00", to: "08:00"}] }
              overrides:
                - { rotation: main, user: x, from: 2027-03-13T10:00, to: 2027-03-29T10:00 }
                - { rotation: main, user: y, from: 2027-03-27T00:00, to: 2027-03-28T12:00 }
            """);
        var from = At("2026-10-01T00:00Z");
        var segments = OnCallResolver.Handoffs(config, from, from.AddDays(200));
        var random = new Random(7);

        Assert.Equal(from, segments[0].Start);
        Assert.Equal(from.AddDays(200), segments[^1].End);
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        foreach (var segment in segments)
        {
            var at = segment.Start.AddTicks((long)(random.NextDouble() * (segment.End - segment.Start).Ticks));
            var occupant = OnCallResolver.RotationAt(config, "main", at);

            Assert.Equal((string.Join(",", segment.Occupant.People), segment.Occupant.OverrideIndex), (string.Join(",", occupant.People), occupant.OverrideIndex));
            Assert.Equal(segment.Occupant.People, OnCallResolver.RotationAt(config, "main", segment.Start).People);
        }
    }
}
