using GitHubIncidentApp.Core.OnCall;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads <c>escalation</c> (policies by name) and <c>severity_policy</c> (which policy each severity follows).</summary>
internal static class EscalationSection
{
    /// <summary>The <c>severity_policy</c> value for a severity that is assigned but never escalated.</summary>
    public const string NoPolicy = "none";

    private static readonly string[] PolicyKeys = ["steps", "repeat"];
    private static readonly string[] StepKeys = ["notify", "wait"];
    private static readonly string[] RotationTargetKeys = ["rotation", "who"];

    private const string TargetSyntax = "a rotation name, {rotation: primary, who: next}, a team as @org/team, or a person as @login";

    public static Dictionary<string, EscalationPolicy> ReadPolicies(ConfigReader reader, ConfigSection file, IReadOnlyDictionary<string, Rotation> rotations)
    {
        var policies = new Dictionary<string, EscalationPolicy>();
        foreach (var (name, _, node) in reader.Named(file, "escalation", "a mapping of policy names to policies, each with steps and repeat") ?? [])
        {
            if (name == NoPolicy)
            {
                reader.Error(node, $"'{NoPolicy}' means no escalation in severity_policy; give this policy another name");
            }

            if (reader.Section(node, $"escalation.{name}", PolicyKeys) is { } section)
            {
                policies[name] = new EscalationPolicy(name, ReadSteps(reader, node, section, rotations), OnCallSection.ReadInteger(reader, section, "repeat", min: 0) ?? 0);
            }
        }

        return policies;
    }

    private static List<EscalationStep> ReadSteps(ConfigReader reader, YamlNode policy, ConfigSection section, IReadOnlyDictionary<string, Rotation> rotations)
    {
        var items = reader.List(section, "steps", "a list of steps, each {notify: ..., wait: 15m}");
        if (items is null || items.Count == 0)
        {
            reader.Error(section.Entries.GetValueOrDefault("steps") ?? policy, $"'{section.Name}' has no steps; list at least one, such as steps: [{{notify: primary, wait: 15m}}]");
            return [];
        }

        var steps = new List<EscalationStep>();
        for (var index = 0; index < items.Count; index++)
        {
            var name = $"{section.NameOf("steps")}[{index}]";
            if (reader.Section(items[index], name, StepKeys) is not { } step)
            {
                continue;
            }

            if (!step.TryGet("notify", out var notify))
            {
                reader.Error(step.Entries.GetValueOrDefault("notify") ?? items[index], $"'{name}' has no notify; say whom it notifies: {TargetSyntax}");
                continue;
            }

            IReadOnlyList<YamlNode> targets = notify is YamlSequenceNode list ? [.. list.Children] : [notify];
            var read = targets.Select((target, at) => ReadTarget(reader, target, notify is YamlSequenceNode ? $"{step.NameOf("notify")}[{at}]" : step.NameOf("notify"), rotations)).ToList();
            steps.Add(new EscalationStep([.. read.OfType<OnCallTarget>()], reader.Duration(step, "wait") ?? TimeSpan.Zero));
        }

        return steps;
    }

    /// <summary>
    /// A bare word names a rotation when one has that name, else a person; a word close to a
    /// rotation's name is refused as a likely typo, since paging a non-existent login fails silently.
    /// </summary>
    private static OnCallTarget? ReadTarget(ConfigReader reader, YamlNode node, string name, IReadOnlyDictionary<string, Rotation> rotations)
    {
        if (node is YamlMappingNode)
        {
            if (reader.Section(node, name, RotationTargetKeys) is not { } section)
            {
                return null;
            }

            if (!section.TryGet("rotation", out _))
            {
                reader.Error(node, $"'{name}' has no rotation; write {{rotation: primary, who: next}}");
                return null;
            }

            var rotation = reader.String(section, "rotation", value => OnCallSection.RotationCheck(value, rotations));
            var who = reader.String(section, "who", value => value is "current" or "next" ? null : $"is \"{value}\"; use current or next");
            return rotation is null ? null : new RotationTarget(rotation, who == "next");
        }

        var text = reader.String(node, name, value => value.Length == 0 ? $"is empty; write {TargetSyntax}" : null);
        switch (text)
        {
            case null:
                return null;
            case var team when ScheduleText.IsTeam(team):
                return reader.String(node, name, ScheduleText.Team) is null ? null : new TeamTarget(team[1..]);
            case var rotation when rotations.ContainsKey(rotation):
                return new RotationTarget(rotation);
            case var word when !word.StartsWith('@') && NearestName.Find(word, rotations.Keys) is { } nearest:
                reader.Error(node, $"'{name}' is \"{word}\", which names no rotation; did you mean '{nearest}'? (write @{word} for a person)");
                return null;
            default:
                return reader.String(node, name, ScheduleText.Login) is null ? null : new UserTarget(text.TrimStart('@'));
        }
    }

    public static Dictionary<string, string?> ReadSeverityPolicy(
        ConfigReader reader, ConfigSection file, IReadOnlyDictionary<string, EscalationPolicy> policies, SeverityConfig severity)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key, node) in reader.Named(file, "severity_policy", "a mapping of severities to policy names, such as {critical: default, info: none}") ?? [])
        {
            if (severity.Find(name) is not { } level)
            {
                reader.Error(key, $"'severity_policy' names the severity \"{name}\", which is no level; use one of {string.Join(", ", severity.Levels.Select(l => l.Name))}");
                continue;
            }

            var policy = reader.String(node, $"severity_policy.{name}", value => value == NoPolicy || policies.ContainsKey(value)
                ? null
                : $"is \"{value}\", which names no escalation policy; "
                    + (NearestName.Find(value, policies.Keys) is { } nearest ? $"did you mean '{nearest}'?"
                        : policies.Count == 0 ? $"define it under escalation, or use {NoPolicy}"
                        : $"use {NoPolicy} or one of {string.Join(", ", policies.Keys)}"));
            if (policy is not null && !map.TryAdd(level.Name, policy == NoPolicy ? null : policy))
            {
                reader.Error(key, $"'severity_policy' maps \"{level.Name}\" twice (\"{name}\" is one of its names); keep one entry");
            }
        }

        return map;
    }
}
