namespace GitHubIncidentApp.Testing;

/// <summary>Config files with an on-call schedule, shared by the tests of ownership and escalation.</summary>
public static class Schedules
{
    /// <summary>
    /// A weekly rotation of alice, bob and carol from Monday 2026-11-16 09:00 Berlin time (so bob holds the
    /// week of 2026-11-23 and carol the next), the three-step policy, and a two-hour acknowledgement timeout.
    /// </summary>
    public const string Weekly = """
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob, carol], start: 2026-11-16T09:00, shift: 1w }
          when_empty: ["@operate-first/sre"]
        escalation:
          default:
            steps:
              - { notify: primary, wait: 15m }
              - { notify: { rotation: primary, who: next }, wait: 15m }
              - { notify: "@operate-first/sre-leads" }
        severity_policy: { critical: default, warning: default, info: none }
        ack_timeout: 2h
        """;
}
