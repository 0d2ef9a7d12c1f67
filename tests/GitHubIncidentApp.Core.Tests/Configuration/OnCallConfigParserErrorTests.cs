using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class OnCallConfigParserErrorTests
{
    /// <summary>Prepended to cases that need a valid rotation named primary (lines 1-4).</summary>
    private const string Primary = "oncall:\n  rotations:\n    primary: { members: [alice], start: 2026-11-02T09:00, shift: 1w }\n";

    public static TheoryData<string, int, int, string> SingleErrors => new()
    {
        // Zones.
        { "timezone: Europe/Berln", 1, 11, "'timezone' is \"Europe/Berln\", which is not a time zone; use an IANA id such as Europe/Berlin, America/New_York or UTC (did you mean Europe/Berlin?)" },
        { "timezone: Mars/Olympus", 1, 11, "'timezone' is \"Mars/Olympus\", which is not a time zone; use an IANA id such as Europe/Berlin, America/New_York or UTC" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00, shift: 1d, timezone: CET+1 }", 3, 70, "'oncall.rotations.p.timezone' is \"CET+1\", which is not a time zone" },

        // Shifts and times.
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00, shift: weekly }", 3, 56, "'oncall.rotations.p.shift' is \"weekly\", which is not a duration; write " + DurationText.Syntax },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00, shift: 1m }", 3, 56, "'oncall.rotations.p.shift' is 1m; a shift lasts at least 1h, such as 12h, 1d or 1w" },
        { "oncall:\n  rotations:\n    p:\n      members: [a]\n      shift: 1d", 4, 7, "'oncall.rotations.p' has no start; give the local start of the first shift, such as start: 2026-11-02T09:00" },
        { "oncall:\n  rotations:\n    p:\n      members: [a]\n      start: 2026-11-02T09:00\n      shift:", 6, 13, "'oncall.rotations.p' has no shift; give how long each shift lasts, such as shift: 1w" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02 09:00, shift: 1d }", 3, 31, "'oncall.rotations.p.start' is \"2026-11-02 09:00\", which is not a local date and time such as 2026-11-02T09:00 (no offset: the zone is the rotation's)" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00+01:00, shift: 1d }", 3, 31, "which is not a local date and time" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00, shift: 1d, until: 2026-11-01T00:00 }", 3, 67, "'oncall.rotations.p.until' is not after 'oncall.rotations.p.start'; a rotation must end after it starts" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00, shift: 1d, level: high }", 3, 67, "'oncall.rotations.p.level' is \"high\", which is not a whole number" },

        // Members.
        { "oncall:\n  rotations:\n    p: { members: [], start: 2026-11-02T09:00, shift: 1d }", 3, 19, "'oncall.rotations.p.members' is empty; list at least one login" },
        { "oncall:\n  rotations:\n    p: { start: 2026-11-02T09:00, shift: 1d }", 3, 8, "'oncall.rotations.p' has no members; give a list of logins, such as members: [alice, bob]" },
        { "oncall:\n  rotations:\n    p: { members: [a, []], start: 2026-11-02T09:00, shift: 1d }", 3, 23, "'oncall.rotations.p.members[1]' is an empty group; list who is on call together, or remove it" },
        { "oncall:\n  rotations:\n    p: { members: [a, [b, 'c d']], start: 2026-11-02T09:00, shift: 1d }", 3, 27, "'oncall.rotations.p.members[1][1]' is \"c d\", which is not a GitHub login" },
        { "oncall:\n  rotations:\n    p: { members: alice, start: 2026-11-02T09:00, shift: 1d }", 3, 19, "'oncall.rotations.p.members' must be a list of logins, each a login or a list of logins on call together, not \"alice\"" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 2026-11-02T09:00, shift: 1d, people: [b] }", 3, 60, "unknown key 'people' in 'oncall.rotations.p'; known keys are members, start, shift" },
        { "oncall:\n  rotations: [primary]", 2, 14, "'oncall.rotations' must be a mapping of rotation names to rotations" },

        // Restrictions.
        { Restrict("{days: mon-fry}"), 4, 25, "'oncall.rotations.p.restrict[0].days' is \"mon-fry\", which is not days such as mon-fri, sat-sun or mon,wed,fri" },
        { Restrict("{days: mon-wed-fri}"), 4, 25, "is \"mon-wed-fri\", which is not days" },
        { Restrict("{days: 'mon,,fri'}"), 4, 25, "is \"mon,,fri\", which is not days" },
        { Restrict("{from: \"09:00\", to: \"17:00\"}"), 4, 18, "'oncall.rotations.p.restrict[0]' has no days; give the days it applies to, such as days: mon-fri" },
        { Restrict("{days: mon, from: \"9am\", to: \"17:00\"}"), 4, 36, "'oncall.rotations.p.restrict[0].from' is \"9am\", which is not a time of day; write hours and minutes such as \"09:00\" or \"24:00\", quoted" },
        { Restrict("{days: mon, from: \"09:00\", to: \"24:30\"}"), 4, 49, "'oncall.rotations.p.restrict[0].to' is \"24:30\", which is not a time of day" },
        { Restrict("{days: mon, from: \"09:00\"}"), 4, 18, "'oncall.rotations.p.restrict[0]' has only one of from and to; give both, or neither for whole days" },
        { Restrict("{days: mon, from: \"09:00\", to: \"09:00\"}"), 4, 49, "'oncall.rotations.p.restrict[0]' starts and ends at 09:00; for whole days leave out from and to" },
        { Restrict("{days: mon, form: \"09:00\"}"), 4, 30, "unknown key 'form' in 'oncall.rotations.p.restrict[0]'; did you mean 'from'?" },

        // Overrides.
        { Primary + "  overrides:\n    - { rotation: primery, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }", 5, 19, "'oncall.overrides[0].rotation' is \"primery\", which names no rotation; did you mean 'primary'?" },
        { Primary + "  overrides:\n    - { rotation: backup, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }", 5, 19, "'oncall.overrides[0].rotation' is \"backup\", which names no rotation; use one of primary" },
        { Primary + "  overrides:\n    - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-24T00:00 }", 5, 68, "'oncall.overrides[0].to' is not after 'oncall.overrides[0].from'; an override must end after it begins" },
        { Primary + "  overrides:\n    - { rotation: primary, user: dave, from: 2026-12-24, to: 24.12.2026 }", 5, 62, "'oncall.overrides[0].to' is \"24.12.2026\", which is not a local date and time" },
        { Primary + "  overrides:\n    - { rotation: primary, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }", 5, 7, "'oncall.overrides[0]' has no user; give who takes over, such as user: dave" },
        { Primary + "  when_empty: [\"@\"]", 4, 16, "'oncall.when_empty[0]' is \"@\", which is not a GitHub login" },

        // Escalation.
        { Primary + "escalation:\n  default:\n    steps:\n      - { notify: primery, wait: 15m }", 7, 19, "'escalation.default.steps[0].notify' is \"primery\", which names no rotation; did you mean 'primary'? (write @primery for a person)" },
        { Primary + "escalation:\n  default:\n    steps:\n      - notify: { rotation: secondary, who: next }", 7, 29, "'escalation.default.steps[0].notify.rotation' is \"secondary\", which names no rotation; use one of primary" },
        { Primary + "escalation:\n  default:\n    steps:\n      - notify: { rotation: primary, who: after }", 7, 43, "'escalation.default.steps[0].notify.who' is \"after\"; use current or next" },
        { Primary + "escalation:\n  default:\n    steps:\n      - notify: [primary, '@org/']", 7, 27, "'escalation.default.steps[0].notify[1]' is \"@org/\", which is not a team; write @org/team" },
        { Primary + "escalation:\n  default:\n    steps:\n      - { wait: 15m }", 7, 9, "'escalation.default.steps[0]' has no notify; say whom it notifies: a rotation name, {rotation: primary, who: next}, a team as @org/team, or a person as @login" },
        { Primary + "escalation:\n  default:\n    steps:\n      - { notify: primary, wait: soon }", 7, 34, "'escalation.default.steps[0].wait' is \"soon\", which is not a duration" },
        { Primary + "escalation:\n  default:\n    steps: []", 6, 12, "'escalation.default' has no steps; list at least one, such as steps: [{notify: primary, wait: 15m}]" },
        { Primary + "escalation:\n  default:\n    steps: [{ notify: primary }]\n    repeat: -1", 7, 13, "'escalation.default.repeat' is \"-1\", which is not a whole number of at least 0" },
        { Primary + "escalation:\n  none:\n    steps: [{ notify: primary }]", 6, 5, "'none' means no escalation in severity_policy; give this policy another name" },

        // Severity policy.
        { Primary + "escalation:\n  default: { steps: [{ notify: primary }] }\nseverity_policy: { critical: defualt }", 6, 30, "'severity_policy.critical' is \"defualt\", which names no escalation policy; did you mean 'default'?" },
        { Primary + "severity_policy: { critical: paging }", 4, 30, "'severity_policy.critical' is \"paging\", which names no escalation policy; define it under escalation, or use none" },
        { Primary + "escalation:\n  default: { steps: [{ notify: primary }] }\nseverity_policy: { critical: paging }", 6, 30, "'severity_policy.critical' is \"paging\", which names no escalation policy; use none or one of default" },
        { "severity_policy: { fatal: none }", 1, 20, "'severity_policy' names the severity \"fatal\", which is no level; use one of critical, warning, info" },
        { "severity_policy: { critical: none, page: none }", 1, 36, "'severity_policy' maps \"critical\" twice (\"page\" is one of its names); keep one entry" },
        { "severity_policy: [critical]", 1, 18, "'severity_policy' must be a mapping of severities to policy names, such as {critical: default, info: none}" },
        { "oncall:\n  rotations:\n    p: { members: [a], start: 0206-11-02T09:00, shift: 1d }", 3, 31, "'oncall.rotations.p.start' is \"0206-11-02T09:00\", which is not a local date and time" },
        { "ack_timeout: a while", 1, 14, "'ack_timeout' is \"a while\", which is not a duration" },
        { "oncall:\n  rotation: {}", 2, 3, "unknown key 'rotation' in 'oncall'; did you mean 'rotations'?" },
    };

    [Fact]
    public void Mangled_schedules_are_reported_or_resolved_never_thrown()
    {
        const string valid = """
            timezone: Europe/Berlin
            oncall:
              rotations:
                primary: { members: [alice, [bob, carol]], start: 2026-11-02T09:00, shift: 1w, until: 2027-11-02T09:00 }
                night: { members: [nina], start: 2026-11-02T00:00, shift: 12h, restrict: [{days: "mon-fri,sun", from: "22:00", to: "06:00"}], level: 1 }
              overrides:
                - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }
              when_empty: ["@org/sre", lead]
            escalation:
              default:
                steps:
                  - { notify: [primary, { rotation: night, who: next }], wait: 15m }
                  - { notify: "@org/leads" }
                repeat: 2
            severity_policy: { critical: default, info: none }
            ack_timeout: 2h
            """;
        const string syntax = "[]{}:,-\"'#&*!|>?%@` \n\t\\~0123456789";
        foreach (var text in ConfigFuzz.Mangle(valid, syntax, seed: 20261102))
        {
            var result = IncidentConfigParser.Parse(text);

            Assert.True(result.IsValid || result.Errors.All(error => error.Line > 0), text);

            // Whatever the parser accepts, the resolver must answer for.
            if (result.Config.OnCall is { } oncall)
            {
                var at = new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero);
                OnCallResolver.WhoIsOnCall(oncall, at);
                OnCallResolver.Handoffs(oncall, at, at.AddDays(3));
            }
        }
    }

    private static string Restrict(string window) =>
        $"oncall:\n  rotations:\n    p:\n      restrict: [{window}]\n      members: [a]\n      start: 2026-11-02T09:00\n      shift: 1d";

    [Theory]
    [MemberData(nameof(SingleErrors))]
    public void Each_problem_is_reported_where_it_is(string yaml, int line, int column, string message)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.Same(IncidentConfig.Default, result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Every_problem_of_a_schedule_is_reported_with_its_line()
    {
        const string yaml = """
            timezone: Europe/Berlin
            oncall:
              rotations:
                primary:
                  members: []
                  start: 2026-11-02T9:00
                  shift: 1 week
                  restrict: [{days: weekdays}]
              overrides:
                - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }
                - { rotation: backup, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }
            escalation:
              default:
                steps:
                  - { notify: primary, wait: 15m }
                  - { notify: { rotation: secondary }, wait: 15m }
            severity_policy: { critical: pager }
            """;

        var errors = IncidentConfigParser.Parse(yaml).Errors;

        Assert.Equal([5, 6, 7, 8, 11, 16, 17], errors.Select(error => error.Line));
    }
}
