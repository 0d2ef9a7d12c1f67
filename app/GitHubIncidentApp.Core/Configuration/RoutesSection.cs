using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.OnCall.Routes;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Reads <c>routes:</c>, the list that maps alerts to owners. Rotation and policy names are defined by other
/// sections, so they are kept with their nodes for <see cref="CheckNames"/> once those sections are read.
/// </summary>
internal sealed class RoutesSection
{
    public const string Key = "routes";

    private static readonly string[] RouteKeys = ["matchers", "assign", "escalation", "labels"];

    private readonly List<(string Name, YamlNode Node, string Owner)> rotations = [];
    private readonly List<(string Name, YamlNode Node, string Owner)> policies = [];
    private readonly List<Route> routes = [];

    private RoutesSection()
    {
    }

    /// <summary>The routes in file order; empty when the file has none, which turns routing off.</summary>
    /// <remarks>None gives the default's list, so a file without routes still equals the defaults.</remarks>
    public IReadOnlyList<Route> Routes => routes.Count == 0 ? IncidentConfig.Default.Routes : routes;

    public static RoutesSection Read(ConfigReader reader, ConfigSection file)
    {
        var section = new RoutesSection();
        var items = reader.List(file, Key, "a list of routes, each a mapping with matchers, assign, escalation and labels") ?? [];
        for (var index = 0; index < items.Count; index++)
        {
            var name = $"{Key}[{index}]";
            if (reader.Section(items[index], name, RouteKeys) is { } route
                && section.ReadRoute(reader, items[index], route, isLast: index == items.Count - 1) is { } read)
            {
                section.routes.Add(read);
            }
        }

        return section;
    }

    /// <summary>Reports the rotations and escalation policies that routes name but the file does not define.</summary>
    public void CheckNames(ConfigReader reader, IReadOnlyCollection<string> rotationNames, IReadOnlyCollection<string> policyNames)
    {
        Check(reader, rotations, rotationNames, "rotation in 'oncall.rotations'", "define it there, or write @user or @org/team to assign a person or team");
        Check(reader, policies, policyNames, "policy in 'escalation'", $"define it there, or write {Route.NoEscalation} to never escalate");
    }

    private static void Check(
        ConfigReader reader, List<(string Name, YamlNode Node, string Owner)> references, IReadOnlyCollection<string> defined, string what, string fix)
    {
        foreach (var (name, node, owner) in references.Where(reference => !defined.Contains(reference.Name)))
        {
            var hint = NearestName.Find(name, defined) is { } nearest ? $"did you mean '{nearest}'?" : fix;
            reader.Error(node, $"'{owner}' is \"{name}\", which names no {what}; {hint}");
        }
    }

    private Route? ReadRoute(ConfigReader reader, YamlNode node, ConfigSection route, bool isLast)
    {
        var matchers = ReadMatchers(reader, route);
        if (matchers is { IsEmpty: true } && !isLast)
        {
            reader.Error(node, $"'{route.Name}' has no matchers, so it takes every alert and the routes after it never match; move it to the end of '{Key}' or give it matchers");
        }

        var assign = ReadAssign(reader, node, route);
        var escalation = reader.String(route, "escalation", ConfigChecks.NotEmpty);
        if (escalation is not null and not Route.NoEscalation)
        {
            policies.Add((escalation, route.Entries["escalation"], route.NameOf("escalation")));
        }

        // Any error makes the whole file fall back to defaults, so a route read in part is never used.
        var labels = reader.StringList(route, "labels", ConfigChecks.LabelName) ?? [];
        return matchers is null || assign is null
            ? null
            : new Route { Matchers = matchers, Assign = assign, Escalation = escalation, Labels = labels };
    }

    /// <summary>A list of matcher strings, each of which may hold several, or one string such as <c>'{a="1", b!="2"}'</c>.</summary>
    internal static MatcherSet? ReadMatchers(ConfigReader reader, ConfigSection route)
    {
        var name = route.NameOf("matchers");
        if (!route.TryGet("matchers", out var node))
        {
            return MatcherSet.Empty;
        }

        switch (node)
        {
            case YamlScalarNode:
                return reader.String(node, name) is { } text ? ParseMatchers(reader, node, name, text) : null;
            case YamlSequenceNode sequence:
                var matchers = new List<Matcher>();
                var valid = true;
                for (var index = 0; index < sequence.Children.Count; index++)
                {
                    var item = sequence.Children[index];
                    var itemName = $"{name}[{index}]";
                    if (reader.String(item, itemName, NotEmptyMatcher) is { } itemText && ParseMatchers(reader, item, itemName, itemText) is { } set)
                    {
                        matchers.AddRange(set.Matchers);
                    }
                    else
                    {
                        valid = false;
                    }
                }

                return valid ? new MatcherSet(matchers) : null;
            default:
                // An unquoted {team="argo"} is a YAML mapping, the likeliest way to get here.
                reader.Error(node, $"'{name}' must be a list of matchers such as ['team=\"argo\"'] or one quoted string such as '{{team=\"argo\"}}', not a mapping; quote the braces form");
                return null;
        }
    }

    private static MatcherSet? ParseMatchers(ConfigReader reader, YamlNode node, string name, string text)
    {
        var parsed = MatcherSet.Parse(text);
        if (parsed.IsValid)
        {
            return parsed.Value;
        }

        reader.Error(node, $"'{name}' is not a valid matcher: {parsed.Error}");
        return null;
    }

    private static string? NotEmptyMatcher(string value) =>
        value.Trim().Length == 0 ? "is empty; write a matcher such as team=\"argo\", or remove the entry" : null;

    private List<string>? ReadAssign(ConfigReader reader, YamlNode node, ConfigSection route)
    {
        if (!route.TryGet("assign", out var assignNode))
        {
            reader.Error(node, $"'{route.Name}' has no assign; name the rotation, @user or @org/team that owns the alerts it takes, such as assign: [primary]");
            return null;
        }

        if (reader.StringList(route, "assign", AssignTarget.Check) is not { } targets)
        {
            return null;
        }

        if (targets.Count == 0)
        {
            reader.Error(assignNode, $"'{route.NameOf("assign")}' is empty; name at least one rotation, @user or @org/team");
            return null;
        }

        var items = ((YamlSequenceNode)assignNode).Children;
        for (var index = 0; index < targets.Count; index++)
        {
            if (AssignTarget.KindOf(targets[index]) == AssignTargetKind.Rotation)
            {
                rotations.Add((targets[index], items[index], $"{route.NameOf("assign")}[{index}]"));
            }
        }

        return [.. targets];
    }
}
