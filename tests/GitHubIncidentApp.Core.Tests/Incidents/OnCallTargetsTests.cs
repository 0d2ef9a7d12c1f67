using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class OnCallTargetsTests
{
    [Fact]
    public void The_config_names_its_rotations_people_teams_and_route_targets_and_nobody_else()
    {
        var parsed = IncidentConfigParser.Parse(Schedules.Weekly + """

            routes:
              - matchers: ['team="data"']
                assign: ["@dana", "@operate-first/data"]
            """);
        Assert.Empty(parsed.Errors);

        var named = OnCallTargets.NamedBy(parsed.Config);

        Assert.All(
            new[] { "primary", "PRIMARY:next", "@alice", "@Bob", "@operate-first/sre", "@operate-first/sre-leads", "@dana", "@operate-first/data" },
            target => Assert.Contains(target, named));
        Assert.DoesNotContain("@victim", named);
        Assert.DoesNotContain("@operate-first/everyone", named);
        Assert.DoesNotContain("secondary", named);
    }
}
