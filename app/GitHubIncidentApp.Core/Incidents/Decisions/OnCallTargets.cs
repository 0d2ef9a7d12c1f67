using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Escalation targets as the marker keeps them (<c>rotation</c>, <c>rotation:next</c>, <c>@user</c>,
/// <c>@org/team</c>), and who they mean at an instant under the repository's current schedule.
/// </summary>
public static class OnCallTargets
{
    private const string NextSuffix = ":next";

    public static string Write(OnCallTarget target) => target switch
    {
        RotationTarget rotation => rotation.Next ? rotation.Rotation + NextSuffix : rotation.Rotation,
        TeamTarget team => team.Mention,
        UserTarget user => "@" + user.Login,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.GetType().Name, "unknown target"),
    };

    /// <summary>People to assign and teams to mention; a rotation nobody holds falls back to <c>when_empty</c>.</summary>
    public static NotifyTargets Resolve(OnCallConfig? config, string target, DateTimeOffset at)
    {
        if (target.StartsWith('@'))
        {
            return target.Contains('/', StringComparison.Ordinal) ? new([], [target]) : new([target[1..]], []);
        }

        var next = target.EndsWith(NextSuffix, StringComparison.Ordinal);
        var rotation = next ? target[..^NextSuffix.Length] : target;
        if (config is null || !config.Rotations.ContainsKey(rotation))
        {
            // The rotation was renamed or removed since the incident opened: nobody to page through it.
            return NotifyTargets.None;
        }

        var people = OnCallResolver.RotationAt(config, rotation, at, next).People;
        return people.Count > 0 ? new(people, []) : Combine(config.WhenEmpty.Select(t => Resolve(config, Write(t), at)));
    }

    /// <summary>
    /// Every target the repository's config names (rotations, and the people and teams of its routes, policies,
    /// rotations, overrides and <c>when_empty</c>), as <see cref="Write"/> spells them. A step names only these
    /// when the app froze it; anything else came from text a person wrote, and nobody is paged for it.
    /// </summary>
    public static IReadOnlySet<string> NamedBy(IncidentConfig config)
    {
        var named = new HashSet<string>(config.Routes.SelectMany(route => route.Assign), StringComparer.OrdinalIgnoreCase);
        if (config.OnCall is { } onCall)
        {
            named.UnionWith(onCall.Rotations.Keys.SelectMany(name => new[] { name, name + NextSuffix }));
            named.UnionWith(onCall.Rotations.Values.SelectMany(rotation => rotation.Members.SelectMany(group => group)).Select(login => "@" + login));
            named.UnionWith(onCall.Overrides.Select(entry => "@" + entry.User));
            named.UnionWith(onCall.WhenEmpty.Concat(onCall.Policies.Values.SelectMany(policy => policy.Steps.SelectMany(step => step.Notify))).Select(Write));
        }

        return named;
    }

    public static NotifyTargets Combine(IEnumerable<NotifyTargets> targets)
    {
        var list = targets.ToList();
        return new(
            [.. list.SelectMany(t => t.Assign).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. list.SelectMany(t => t.Mention).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}
