namespace GitHubIncidentApp.Tests;

/// <summary>Config files shared by the command tests.</summary>
internal static class SchedulesForCommandTests
{
    /// <summary>Weekday office hours, a weekend rotation above them, nights in pairs, Christmas covered by dave.</summary>
    public const string Berlin = """
        timezone: Europe/Berlin
        templates: { title: .github/incident/title.scriban }
        oncall:
          rotations:
            primary:
              members: [alice, bob, carol]
              start: 2026-11-02T09:00
              shift: 1w
              restrict: [{days: mon-fri, from: "09:00", to: "18:00"}]
            weekend: { members: [erin, frank], start: 2026-11-07T00:00, shift: 1d, restrict: [{days: sat-sun}], level: 1 }
            nights: { members: [[gina, hank], ivan], start: 2026-11-02T18:00, shift: 1d, restrict: [{days: mon-fri, from: "18:00", to: "09:00"}] }
          overrides:
            - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }
          when_empty: ["@operate-first/sre"]
        escalation:
          default:
            steps:
              - { notify: primary, wait: 15m }
              - { notify: "@operate-first/sre-leads" }
        severity_policy: { critical: default, warning: default, info: none }
        routes:
          - matchers: ['namespace=~"opf-jupyter.*"']
            assign: [primary, "@operate-first/jupyter"]
          - matchers: []
            assign: [nights]
            escalation: none
        """;

    /// <summary>Daily hand-offs at 09:00 local across the end of summer time in Berlin (Sunday 2026-10-25).</summary>
    public const string DaylightSaving = """
        timezone: Europe/Berlin
        oncall:
          rotations:
            daily: { members: [alice, bob], start: 2026-10-19T09:00, shift: 1d }
        """;
}
