using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.OnCall.Routes;

namespace GitHubIncidentApp.Core.Tests.OnCall.Routes;

public class RouteTableTests
{
    private static readonly RouteTable Table = new(
    [
        Route("{namespace=~\"opf-jupyter.*\", severity!=info}", "jupyterhub"),
        Route("team=argo", "@operate-first/argo"),
        Route("namespace=~opf-.*", "operate-first"),
        Route("", "primary"),
    ]);

    [Theory]
    [InlineData("namespace=opf-jupyterhub,severity=critical", 0)]
    [InlineData("namespace=opf-jupyterhub,severity=info", 2)]
    [InlineData("namespace=opf-jupyterhub,team=argo,severity=info", 1)]
    [InlineData("namespace=opf-jupyterhub,team=argo", 0)]
    [InlineData("team=argo", 1)]
    [InlineData("namespace=opf-monitoring", 2)]
    [InlineData("namespace=kube-system", 3)]
    [InlineData("", 3)]
    public void The_first_matching_route_wins(string labels, int expected)
    {
        var (route, index) = Table.Match(Labels(labels));

        Assert.Equal(expected, index);
        Assert.Same(Table.Routes[expected], route);
    }

    [Fact]
    public void Without_a_catch_all_an_alert_may_match_no_route()
    {
        var table = new RouteTable([Route("team=argo", "@alice")]);

        Assert.Equal((null, -1), table.Match(Labels("team=flux")));
        Assert.Equal((null, -1), new RouteTable([]).Match(Labels("team=argo")));
    }

    [Fact]
    public void A_route_tells_rotations_from_people_and_teams()
    {
        var route = Route("", "primary", "@alice", "@operate-first/sre", "weekend");

        Assert.True(route.IsCatchAll);
        Assert.Equal(["primary", "weekend"], route.Rotations);
        Assert.Equal(
            [AssignTargetKind.Rotation, AssignTargetKind.User, AssignTargetKind.Team, AssignTargetKind.Rotation],
            route.Assign.Select(AssignTarget.KindOf));
        Assert.Equal("operate-first/sre", AssignTarget.NameOf("@operate-first/sre"));
    }

    private static Route Route(string matchers, params string[] assign) =>
        new() { Matchers = MatcherSet.Parse(matchers).Value!, Assign = assign };

    private static Dictionary<string, string> Labels(string pairs) =>
        pairs.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => pair[1]);
}
