using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class OnCallConfigParserTests
{
    private const string IssueExample = """
        timezone: Europe/Berlin                 # IANA id; a rotation may override it
        oncall:
          rotations:
            primary:
              members: [alice, bob, carol]      # a nested list puts several people on call together
              start: 2026-11-02T09:00           # anchor of the first shift, local wall-clock time
              shift: 1w                         # 12h, 1d, 1w, 2w ...
              restrict: [{days: mon-fri, from: "09:00", to: "18:00"}]   # optional; outside it the rotation is empty
              level: 0                          # on overlap the higher level wins
            weekend: { members: [erin, frank], start: 2026-11-07T00:00, shift: 1d, restrict: [{days: sat-sun}], level: 1 }
          overrides:
            - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }   # later entries win
          when_empty: ["@operate-first/sre"]
        escalation:
          default:
            steps:
              - { notify: primary, wait: 15m }
              - { notify: { rotation: primary, who: next }, wait: 15m }
              - { notify: "@operate-first/sre-leads" }
            repeat: 1
        severity_policy: { critical: default, warning: default, info: none }   # none: assign only, never escalate
        ack_timeout: 2h
        """;

    [Fact]
    public void The_example_of_the_issue_reads_into_the_model()
    {
        var result = IncidentConfigParser.Parse(IssueExample);

        Assert.Empty(result.Errors);
        var oncall = result.Config.OnCall!;
        Assert.Equal("Europe/Berlin", oncall.TimeZone.Id);
        Assert.Equal(["primary", "weekend"], oncall.Rotations.Keys);

        var primary = oncall.Rotations["primary"];
        Assert.Equal(["alice", "bob", "carol"], primary.Members.Select(group => Assert.Single(group)));
        Assert.Equal((new DateTime(2026, 11, 2, 9, 0, 0), TimeSpan.FromDays(7), 0, "Europe/Berlin"), (primary.Start, primary.Shift, primary.Level, primary.TimeZone.Id));
        var window = Assert.Single(primary.Restrictions);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], window.Days.Order());
        Assert.Equal((TimeSpan.FromHours(9), TimeSpan.FromHours(18)), (window.From, window.To));

        var weekend = oncall.Rotations["weekend"];
        Assert.Equal(1, weekend.Level);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromDays(1)), (weekend.Restrictions[0].From, weekend.Restrictions[0].To));
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], weekend.Restrictions[0].Days.Order());

        Assert.Equal(new OnCallOverride("primary", "dave", new DateTime(2026, 12, 24), new DateTime(2026, 12, 27)), Assert.Single(oncall.Overrides));
        Assert.Equal([new TeamTarget("operate-first/sre")], oncall.WhenEmpty);

        var policy = oncall.Policies["default"];
        Assert.Equal(1, policy.Repeat);
        Assert.Equal(
            [
                ([new RotationTarget("primary")], TimeSpan.FromMinutes(15)),
                ([new RotationTarget("primary", Next: true)], TimeSpan.FromMinutes(15)),
                ((OnCallTarget[])[new TeamTarget("operate-first/sre-leads")], TimeSpan.Zero),
            ],
            policy.Steps.Select(step => (step.Notify.ToArray(), step.Wait)));
        Assert.Same(policy, oncall.PolicyFor("critical"));
        Assert.Same(policy, oncall.PolicyFor("WARNING"));
        Assert.Null(oncall.PolicyFor("info"));
        Assert.Equal(TimeSpan.FromHours(2), oncall.AckTimeout);
    }

    [Fact]
    public void A_file_without_on_call_keys_has_no_schedule() =>
        Assert.Null(IncidentConfigParser.Parse("labels: [alerts]").Config.OnCall);

    [Theory]
    [InlineData("timezone: America/New_York", "America/New_York")]
    [InlineData("timezone: UTC", "UTC")]
    [InlineData("ack_timeout: 1h", "UTC")]
    public void Any_on_call_key_gives_a_schedule_in_the_file_zone_or_utc(string yaml, string zone) =>
        Assert.Equal(zone, IncidentConfigParser.Parse(yaml).Config.OnCall!.TimeZone.Id);

    [Fact]
    public void Targets_take_every_form_and_a_rotation_may_name_its_own_zone()
    {
        const string yaml = """
            timezone: Europe/Berlin
            oncall:
              rotations:
                us: { members: [[ann, "@ben"], cy], start: 2026-11-02, shift: 12h, timezone: America/New_York, until: 2027-01-01T00:00 }
                night: { members: [nia], start: 2026-11-02T00:00, shift: 1d, restrict: [{days: "fri-mon, wed", from: "22:00", to: "06:00"}, {days: tue, from: "00:00", to: "24:00"}] }
              when_empty: [lead, "@boss", "@org/team-a"]
            escalation:
              loud:
                steps:
                  - { notify: [us, "@dora", eve, "@org/sre", { rotation: night }], wait: 1h30m }
            severity_policy: { page: loud }
            """;

        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        var oncall = result.Config.OnCall!;
        var us = oncall.Rotations["us"];
        Assert.Equal(["ann,ben", "cy"], us.Members.Select(group => string.Join(",", group)));
        Assert.Equal(("America/New_York", new DateTime(2026, 11, 2), new DateTime(2027, 1, 1), TimeSpan.FromHours(12)), (us.TimeZone.Id, us.Start, us.Until!.Value, us.Shift));
        var night = oncall.Rotations["night"].Restrictions;
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Saturday], night[0].Days.Order());
        Assert.Equal((TimeSpan.FromHours(22), TimeSpan.FromHours(6)), (night[0].From, night[0].To));
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromHours(24)), (night[1].From, night[1].To));
        Assert.Equal([new UserTarget("lead"), new UserTarget("boss"), new TeamTarget("org/team-a")], oncall.WhenEmpty);
        Assert.Equal(
            [new RotationTarget("us"), new UserTarget("dora"), new UserTarget("eve"), new TeamTarget("org/sre"), new RotationTarget("night")],
            oncall.Policies["loud"].Steps.Single().Notify);
        Assert.Equal(TimeSpan.FromMinutes(90), oncall.Policies["loud"].Steps.Single().Wait);
        Assert.Equal("loud", oncall.SeverityPolicy["critical"]);
    }
}
