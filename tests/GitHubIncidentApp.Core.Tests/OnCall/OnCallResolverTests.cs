using GitHubIncidentApp.Core.OnCall;
using static GitHubIncidentApp.Core.Tests.OnCall.Schedules;

namespace GitHubIncidentApp.Core.Tests.OnCall;

public class OnCallResolverTests
{
    private static readonly OnCallConfig Weekly = Parse("""
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob, carol], start: 2026-11-02T09:00, shift: 1w }
          when_empty: ["@operate-first/sre", "@lead"]
        """);

    [Theory]
    [InlineData("2026-11-02T09:00+01:00", "alice")]
    [InlineData("2026-11-09T08:59+01:00", "alice")]
    [InlineData("2026-11-09T09:00+01:00", "bob")]
    [InlineData("2026-11-16T09:00+01:00", "carol")]
    [InlineData("2026-11-23T09:00+01:00", "alice")]
    [InlineData("2027-06-21T08:00+02:00", "carol")]          // week 32 began 2027-06-14
    public void A_weekly_rotation_hands_off_every_week(string at, string expected) =>
        Assert.Equal([expected], Assignees(Weekly, at));

    [Fact]
    public void Before_its_start_a_rotation_is_empty_and_when_empty_gets_the_incident()
    {
        var answer = OnCallResolver.WhoIsOnCall(Weekly, At("2026-11-02T08:59+01:00"));

        Assert.Equal(["@operate-first/sre"], answer.Mentions);
        Assert.Equal(["lead"], answer.Assignees);
        Assert.All(answer.Entries, entry => Assert.Equal(OnCallOrigin.WhenEmpty, entry.Origin));
    }

    [Fact]
    public void A_nested_list_puts_several_people_on_call_together()
    {
        var config = Parse("""
            oncall:
              rotations:
                pairs: { members: [[alice, "@bob"], carol], start: 2026-11-02T09:00, shift: 1d }
            """);

        Assert.Equal(["alice", "bob"], Assignees(config, "2026-11-02T09:00Z"));
        Assert.Equal(["carol"], Assignees(config, "2026-11-03T09:00Z"));
        Assert.Equal(["alice", "bob"], Assignees(config, "2026-11-05T08:00Z"));
        var entry = OnCallResolver.WhoIsOnCall(config, At("2026-11-02T10:00Z")).Entries[1];
        Assert.Equal(new OnCallEntry("bob", false, OnCallOrigin.Rotation, "pairs"), entry);
    }

    private static readonly OnCallConfig Layers = Parse("""
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary:
              members: [alice, bob]
              start: 2026-11-02T09:00
              shift: 1w
              restrict: [{days: mon-fri, from: "09:00", to: "18:00"}]
            night:
              members: [nina]
              start: 2026-11-02T00:00
              shift: 1d
              restrict: [{days: mon-thu, from: "22:00", to: "06:00"}]
            weekend: { members: [erin, frank], start: 2026-11-07T00:00, shift: 1d, restrict: [{days: sat-sun}], level: 1 }
            shadow: { members: [sam], start: 2026-11-02T00:00, shift: 1w, restrict: [{days: "sat,sun"}], level: 1 }
          when_empty: ["@operate-first/sre"]
        """);

    [Theory]
    [InlineData("2026-11-02T08:59+01:00", "")]               // Monday before the window
    [InlineData("2026-11-02T09:00+01:00", "alice")]
    [InlineData("2026-11-06T17:59+01:00", "alice")]          // Friday
    [InlineData("2026-11-06T18:00+01:00", "")]
    [InlineData("2026-11-02T21:59+01:00", "")]
    [InlineData("2026-11-02T22:00+01:00", "nina")]           // Monday night, past midnight
    [InlineData("2026-11-03T05:59+01:00", "nina")]
    [InlineData("2026-11-03T06:00+01:00", "")]
    [InlineData("2026-11-05T23:00+01:00", "nina")]           // Thursday night
    [InlineData("2026-11-06T23:00+01:00", "")]               // Friday night: not in mon-thu
    [InlineData("2026-11-07T00:00+01:00", "erin,sam")]       // Saturday: equal levels share
    [InlineData("2026-11-08T12:00+01:00", "frank,sam")]
    [InlineData("2026-11-09T00:00+01:00", "")]               // Monday again
    [InlineData("2026-11-09T09:00+01:00", "bob")]
    public void Restrictions_leave_gaps_and_levels_decide_overlaps(string at, string expected)
    {
        var answer = OnCallResolver.WhoIsOnCall(Layers, At(at));

        Assert.Equal(expected, string.Join(",", answer.Assignees));
        Assert.Equal(expected.Length == 0 ? ["@operate-first/sre"] : [], answer.Mentions);
    }

    [Fact]
    public void The_higher_level_wins_where_rotations_overlap()
    {
        var config = Parse("""
            oncall:
              rotations:
                primary: { members: [alice], start: 2026-11-02T00:00, shift: 1d }
                backup: { members: [bob], start: 2026-11-02T00:00, shift: 1d, level: -1 }
                weekend: { members: [erin], start: 2026-11-02T00:00, shift: 1d, level: 2, restrict: [{days: sat-sun}] }
            """);

        Assert.Equal(["alice"], Assignees(config, "2026-11-06T12:00Z"));
        Assert.Equal(["erin"], Assignees(config, "2026-11-07T12:00Z"));
    }

    private static readonly OnCallConfig Overridden = Parse("""
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-02T09:00, shift: 1w }
            weekend: { members: [erin], start: 2026-11-02T00:00, shift: 1d, level: 1, restrict: [{days: sat-sun}] }
          overrides:
            - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }
            - { rotation: primary, user: "@eve", from: 2026-12-25T00:00, to: 2026-12-26T00:00 }
            - { rotation: weekend, user: walt, from: 2026-12-27T00:00, to: 2026-12-27T12:00 }
        """);

    [Theory]
    [InlineData("2026-12-23T23:59Z", "bob", null)]
    [InlineData("2026-12-24T00:00Z", "dave", 0)]
    [InlineData("2026-12-25T00:00Z", "eve", 1)]              // the later override wins
    [InlineData("2026-12-26T00:00Z", "dave", 0)]             // a Saturday: the override beats the higher level
    [InlineData("2026-12-27T00:00Z", "walt", 2)]
    [InlineData("2026-12-27T12:00Z", "erin", null)]
    public void Overrides_beat_levels_and_later_overrides_beat_earlier_ones(string at, string expected, int? overrideIndex)
    {
        var entry = Assert.Single(OnCallResolver.WhoIsOnCall(Overridden, At(at)).Entries);

        Assert.Equal((expected, overrideIndex, overrideIndex is null ? OnCallOrigin.Rotation : OnCallOrigin.Override), (entry.Who, entry.OverrideIndex, entry.Origin));
    }

    [Fact]
    public void Ending_a_rotation_and_starting_a_new_one_keeps_past_shifts()
    {
        var changed = Parse("""
            timezone: Europe/Berlin
            oncall:
              rotations:
                primary: { members: [alice, bob, carol], start: 2026-11-02T09:00, shift: 1w, until: 2027-01-04T09:00 }
                primary-2027: { members: [dave, bob], start: 2027-01-04T09:00, shift: 1w }
            """);

        for (var at = At("2026-11-02T09:00+01:00"); at < At("2027-01-04T09:00+01:00"); at = at.AddHours(7))
        {
            Assert.Equal(OnCallResolver.WhoIsOnCall(Weekly, at).Assignees, OnCallResolver.WhoIsOnCall(changed, at).Assignees);
        }

        Assert.Equal(["carol"], Assignees(changed, "2027-01-04T08:59+01:00"));
        Assert.Equal(["dave"], Assignees(changed, "2027-01-04T09:00+01:00"));
        Assert.Equal(["bob"], Assignees(changed, "2027-01-11T09:00+01:00"));
    }

    [Fact]
    public void Handoffs_show_shifts_override_pieces_and_gaps()
    {
        var config = Parse("""
            oncall:
              rotations:
                primary: { members: [alice, bob], start: 2026-11-02T00:00, shift: 1d, restrict: [{days: mon-fri, from: "09:00", to: "18:00"}] }
              overrides:
                - { rotation: primary, user: dave, from: 2026-11-02T12:00, to: 2026-11-02T13:00 }
            """);

        var segments = OnCallResolver.Handoffs(config, At("2026-11-02T00:00Z"), At("2026-11-03T12:00Z"));

        Assert.Equal(
            [
                ("00:00", "09:00", "", (int?)null),
                ("09:00", "12:00", "alice", null),
                ("12:00", "13:00", "dave", 0),
                ("13:00", "18:00", "alice", null),
                ("18:00", "09:00", "", null),
                ("09:00", "12:00", "bob", null),
            ],
            segments.Select(segment => (segment.Start.ToString("HH:mm"), segment.End.ToString("HH:mm"), string.Join(",", segment.Occupant.People), segment.Occupant.OverrideIndex)));
        Assert.All(segments, segment => Assert.Equal("primary", segment.Occupant.Rotation));
    }

    [Fact]
    public void Handoffs_list_each_rotation_in_file_order()
    {
        var segments = OnCallResolver.Handoffs(Layers, At("2026-11-07T00:00+01:00"), At("2026-11-08T00:00+01:00"));

        Assert.Equal(["primary", "night", "weekend", "shadow"], segments.Select(segment => segment.Occupant.Rotation).Distinct());
        Assert.Equal(["erin"], segments.Single(segment => segment.Occupant.Rotation == "weekend").Occupant.People);
    }

    [Theory]
    [InlineData("2026-11-01T12:00+01:00", false, "")]
    [InlineData("2026-11-01T12:00+01:00", true, "alice")]
    [InlineData("2026-11-03T12:00+01:00", false, "alice")]
    [InlineData("2026-11-03T12:00+01:00", true, "bob")]
    [InlineData("2026-11-16T12:00+01:00", true, "alice")]
    public void RotationAt_gives_the_current_or_the_next_shift(string at, bool next, string expected) =>
        Assert.Equal(expected, string.Join(",", OnCallResolver.RotationAt(Weekly, "primary", At(at), next).People));

    [Fact]
    public void The_next_shift_is_whoever_overrides_its_start_and_nobody_after_the_end()
    {
        var config = Parse("""
            oncall:
              rotations:
                primary: { members: [alice, bob], start: 2026-11-02T00:00, shift: 1d, until: 2026-11-04T00:00 }
              overrides:
                - { rotation: primary, user: dave, from: 2026-11-03T00:00, to: 2026-11-03T01:00 }
            """);

        var next = OnCallResolver.RotationAt(config, "primary", At("2026-11-02T05:00Z"), next: true);
        Assert.Equal(("dave", 0), (Assert.Single(next.People), next.OverrideIndex));
        Assert.True(OnCallResolver.RotationAt(config, "primary", At("2026-11-03T05:00Z"), next: true).IsEmpty);
        Assert.Throws<ArgumentException>(() => OnCallResolver.RotationAt(config, "secondary", At("2026-11-03T05:00Z")));
    }
}
