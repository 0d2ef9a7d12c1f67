using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Reports;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class ReportFactsTests
{
    private static readonly IncidentConfig Config = Parse(Schedules.Weekly + """

        routes:
          - matchers: ['namespace="db"']
            assign: ["@operate-first/db", primary]
        """);

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly ReportPeriod Week = ReportPeriod.OfDays(new DateOnly(2026, 11, 23), 7, Berlin);

    // Tuesday 2026-11-24 13:00 UTC: bob holds the week (alice before him, carol after).
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    private static IncidentConfig Parse(string yaml)
    {
        var parsed = IncidentConfigParser.Parse(yaml);
        Assert.Empty(parsed.Errors);
        return parsed.Config;
    }

    private static IssueSnapshot Issue(int number) => new() { Number = number, Title = "t", Body = "", IsOpen = true, Labels = ["incident"] };

    private static IncidentState Incident(IReadOnlyDictionary<string, string> labels) => new()
    {
        Key = "k",
        Status = "firing",
        Firing = ["fp"],
        Severity = "critical",
        StartedAt = Opened,
        GroupLabels = labels,
        Escalation = EscalationDecider.Advance(new EscalationProgress
        {
            Policy = "default",
            Steps = [new EscalationStepPlan(["primary"], TimeSpan.FromMinutes(15)), new EscalationStepPlan(["primary:next"], TimeSpan.FromMinutes(15)), new EscalationStepPlan(["@operate-first/sre-leads"], null)],
        }, Opened),
    };

    [Fact]
    public void Pages_are_the_first_step_at_open_and_each_step_the_escalation_recorded()
    {
        var opened = Incident(new Dictionary<string, string> { ["alertname"] = "ApiDown" });
        var escalated = EscalationDecider.Decide(new KnownIncident(opened, 3), Tick.Instance, TestIncidents.Context(Config, Opened.AddMinutes(15))).Decision.State!;

        var facts = Assert.Single(ReportFacts.From([(Issue(3), escalated)], Config, Week).Incidents);

        Assert.Equal([new ReportPage(Opened, "bob"), new ReportPage(Opened.AddMinutes(15), "carol")], facts.Pages);
        Assert.Equal([new ReportStep(Opened.AddMinutes(15), "default")], facts.Steps);
        Assert.Equal(("ApiDown", "critical", 3), (facts.Name, facts.Severity, facts.Issue));
    }

    [Fact]
    public void The_route_is_the_one_the_config_gives_the_group_and_the_name_its_alertname_or_labels()
    {
        var incidents = ReportFacts.From(
        [
            (Issue(1), Incident(new Dictionary<string, string> { ["alertname"] = "Replication", ["namespace"] = "db" })),
            (Issue(2), Incident(new Dictionary<string, string> { ["namespace"] = "web", ["cluster"] = "c1" })),
        ], Config, Week).Incidents;

        Assert.Equal(("Replication", "@operate-first/db, primary"), (incidents[0].Name, incidents[0].Route));
        Assert.Equal(("cluster=c1 namespace=web", ReportIncident.NoRoute), (incidents[1].Name, incidents[1].Route));
    }

    [Fact]
    public void Storm_issues_are_storms_and_the_schedule_gives_the_shifts_of_the_period()
    {
        var storm = new IncidentState
        {
            Key = StormDecider.Key,
            Status = "resolved",
            Firing = [],
            Severity = "critical",
            StartedAt = Opened,
            ResolvedAt = Opened.AddHours(1),
            Storm = new StormState { Members = [new StormMember { Key = "a", Severity = "warning", StartedAt = Opened }], Unlisted = 4 },
        };

        var input = ReportFacts.From([(Issue(7), storm)], Config, Week);

        Assert.Empty(input.Incidents);
        Assert.Equal(new ReportStorm(7, Opened, Opened.AddHours(1), 5), Assert.Single(input.Storms));
        // Bob's week ends Monday 2026-11-30 09:00 Berlin, after the period; alice held it until Monday 09:00.
        Assert.Equal(
        [
            new ReportShift("alice", Week.From, new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)),
            new ReportShift("bob", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), Week.To),
        ], input.Shifts);
        Assert.Equal(["critical", "warning", "info"], input.Severities);
    }
}
