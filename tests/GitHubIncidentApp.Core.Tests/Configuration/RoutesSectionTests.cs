using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall.Routes;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class RoutesSectionTests
{
    [Fact]
    public void Reads_routes_in_order()
    {
        const string yaml = """
            routes:
              - matchers: ['namespace=~"opf-jupyter.*"', 'severity!="info"']
                assign: [jupyterhub]
                escalation: default
                labels: ["team/jupyterhub"]
              - matchers: '{team="argo", env=~"prod|stage"}'
                assign: ["@operate-first/argo", "@alice"]
                escalation: none
              - assign: [primary]
            """;

        var result = IncidentConfigParser.Parse(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var routes = result.Config.Routes;
        Assert.Equal(3, routes.Count);
        Assert.Equal(["namespace=~\"opf-jupyter.*\"", "severity!=\"info\""], routes[0].Matchers.Matchers.Select(m => m.ToString()));
        Assert.Equal(["jupyterhub"], routes[0].Assign);
        Assert.Equal("default", routes[0].Escalation);
        Assert.Equal(["team/jupyterhub"], routes[0].Labels);
        Assert.Equal("{team=\"argo\", env=~\"prod|stage\"}", routes[1].Matchers.ToString());
        Assert.Equal(["@operate-first/argo", "@alice"], routes[1].Assign);
        Assert.Equal(Route.NoEscalation, routes[1].Escalation);
        Assert.Empty(routes[1].Labels);
        Assert.True(routes[2].IsCatchAll);
        Assert.Null(routes[2].Escalation);

        var table = new RouteTable(routes);
        Assert.Equal(0, table.Match(new Dictionary<string, string> { ["namespace"] = "opf-jupyterhub", ["team"] = "argo" }).Index);
        Assert.Equal(1, table.Match(new Dictionary<string, string> { ["team"] = "argo", ["env"] = "prod" }).Index);
        Assert.Equal(2, table.Match(new Dictionary<string, string> { ["team"] = "argo", ["env"] = "dev" }).Index);
    }

    [Theory]
    [InlineData("labels: [a]")]
    [InlineData("routes:")]
    [InlineData("routes: []")]
    public void No_routes_turn_routing_off(string yaml)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Config.Routes);
    }

    [Fact]
    public void One_item_may_hold_several_matchers_and_an_empty_list_is_a_catch_all()
    {
        var result = IncidentConfigParser.Parse("""
            routes:
              - { matchers: ['{a="1", b="2"}', c=~x.*], assign: [one] }
              - { matchers: [], assign: [two] }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Config.Routes[0].Matchers.Matchers.Count);
        Assert.True(result.Config.Routes[1].IsCatchAll);
    }

    public static TheoryData<string, int, int, string> SingleErrors => new()
    {
        { "routes: primary", 1, 9, "'routes' must be a list of routes, each a mapping with matchers, assign, escalation and labels, not \"primary\"" },
        { "routes:\n  - primary", 2, 5, "'routes[0]' must be a mapping with the keys matchers, assign, escalation, labels, not \"primary\"" },
        { "routes:\n  - assign: [a]\n    matcher: ['team=x']", 3, 5, "unknown key 'matcher' in 'routes[0]'; did you mean 'matchers'?" },

        // Matchers.
        { "routes:\n  - matchers: ['team=x', 'namespace=~\"opf']\n    assign: [a]", 2, 26, "'routes[0].matchers[1]' is not a valid matcher: column 12: the quoted text starting here has no closing '\"'" },
        { "routes:\n  - matchers:\n      - team=x\n      - 'team~=x'\n    assign: [a]", 4, 9, "'routes[0].matchers[1]' is not a valid matcher: column 5: expected an operator (=, !=, =~ or !~) after 'team', found '~'" },
        { "routes:\n  - matchers: ['=x']\n    assign: [a]", 2, 16, "'routes[0].matchers[0]' is not a valid matcher: column 1: expected a label name, found '='" },
        { "routes:\n  - matchers: ['team=~\"(x\"']\n    assign: [a]", 2, 16, "'routes[0].matchers[0]' is not a valid matcher: column 7: the regular expression \"(x\" is invalid: insufficient closing parentheses at offset 2" },
        { "routes:\n  - matchers: '{team=x'\n    assign: [a]", 2, 15, "'routes[0].matchers' is not a valid matcher: column 1: the '{' here is never closed; end the list with '}'" },
        { "routes:\n  - matchers: {team=\"x\"}\n    assign: [a]", 2, 15, "'routes[0].matchers' must be a list of matchers such as ['team=\"argo\"'] or one quoted string such as '{team=\"argo\"}', not a mapping; quote the braces form" },
        { "routes:\n  - matchers: ['']\n    assign: [a]", 2, 16, "'routes[0].matchers[0]' is empty; write a matcher such as team=\"argo\", or remove the entry" },
        { "routes:\n  - matchers: [[team=x]]\n    assign: [a]", 2, 16, "'routes[0].matchers[0]' must be a string, not a list" },

        // The catch-all.
        { "routes:\n  - assign: [a]\n  - matchers: ['team=x']\n    assign: [b]", 2, 5, "'routes[0]' has no matchers, so it takes every alert and the routes after it never match; move it to the end of 'routes' or give it matchers" },
        { "routes:\n  - matchers: []\n    assign: [a]\n  - assign: [b]", 2, 5, "'routes[0]' has no matchers, so it takes every alert" },
        { "routes:\n  - matchers: '{}'\n    assign: [a]\n  - assign: [b]", 2, 5, "'routes[0]' has no matchers, so it takes every alert" },

        // Assign, escalation, labels.
        { "routes:\n  - matchers: ['team=x']", 2, 5, "'routes[0]' has no assign; name the rotation, @user or @org/team that owns the alerts it takes, such as assign: [primary]" },
        { "routes:\n  - assign: []", 2, 13, "'routes[0].assign' is empty; name at least one rotation, @user or @org/team" },
        { "routes:\n  - assign: primary", 2, 13, "'routes[0].assign' must be a list of strings, not \"primary\"" },
        { "routes:\n  - assign: ['']", 2, 14, "'routes[0].assign[0]' is empty; name a rotation, a @user or an @org/team" },
        { "routes:\n  - assign: ['@al ice']", 2, 14, "'routes[0].assign[0]' is \"@al ice\", which is not a GitHub user; a login has letters, digits and single hyphens, such as @alice" },
        { "routes:\n  - assign: ['@org/']", 2, 14, "'routes[0].assign[0]' is \"@org/\", which is not a GitHub team; write @org/team-slug, such as @operate-first/sre" },
        { "routes:\n  - assign: ['@a/b/c']", 2, 14, "'routes[0].assign[0]' is \"@a/b/c\", which is not a GitHub team" },
        { "routes:\n  - assign: [a]\n    escalation: ''", 3, 17, "'routes[0].escalation' is empty; give it a value or remove the key" },
        { "routes:\n  - assign: [a]\n    labels: ['']", 3, 14, "'routes[0].labels[0]' is empty; a GitHub label needs a name" },
        { "routes:\n  - assign: [a]\n    labels: team", 3, 13, "'routes[0].labels' must be a list of strings, not \"team\"" },
    };

    [Theory]
    [MemberData(nameof(SingleErrors))]
    public void Reports_one_error_with_its_position(string yaml, int line, int column, string message)
    {
        var result = IncidentConfigParser.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Same(IncidentConfig.Default, result.Config);
    }

    [Fact]
    public void Reports_every_error_in_every_route()
    {
        var result = IncidentConfigParser.Parse("""
            routes:
              - assign: [primary]
              - matchers: ['team!x']
              - matchers: ['a="1"']
                assign: ['@-bad']
              - assign: [primary]
            """);

        Assert.Equal(
            [(2, 5), (3, 5), (3, 16), (5, 14)],
            result.Errors.Select(error => (error.Line, error.Column)));
        Assert.Empty(result.Config.Routes);
    }

    [Fact]
    public void Names_of_rotations_and_policies_are_checked_against_the_defined_ones()
    {
        var (reader, routes) = Read("""
            routes:
              - matchers: ['team=a']
                assign: [primary, "@alice", "@org/sre", weekend]
                escalation: defualt
              - matchers: ['team=b']
                assign: [nightly]
                escalation: none
              - assign: [primary]
                escalation: default
            """);

        routes.CheckNames(reader, ["primary", "weekend", "secondary"], ["default"]);

        Assert.Equal(
        [
            "4:17 'routes[0].escalation' is \"defualt\", which names no policy in 'escalation'; did you mean 'default'?",
            "6:14 'routes[1].assign[0]' is \"nightly\", which names no rotation in 'oncall.rotations'; define it there, or write @user or @org/team to assign a person or team",
        ],
        reader.Errors.Select(error => $"{error.Line}:{error.Column} {error.Message}").Order(StringComparer.Ordinal));
    }

    private static (ConfigReader Reader, RoutesSection Routes) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var reader = new ConfigReader(IncidentConfig.FilePath);
        var file = reader.Section(stream.Documents[0].RootNode, "", [RoutesSection.Key])!;
        var routes = RoutesSection.Read(reader, file);
        Assert.Empty(reader.Errors);
        return (reader, routes);
    }
}
