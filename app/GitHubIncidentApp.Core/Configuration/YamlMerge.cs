using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Lays a config file over the file it extends. Mappings merge key by key, recursively, so a repository
/// can change one rotation or one setting of an org-wide default and inherit the rest. Everything else,
/// lists included, is replaced whole by the file that wins: a list is one setting (the order of severity
/// levels, of routes, of escalation steps means something), and concatenating would leave no way to drop
/// an inherited entry. A key set to null (<c>key:</c> with nothing after it) counts as not set, as it does
/// in the parser, so the inherited value stays.
/// </summary>
internal static class YamlMerge
{
    /// <summary>Deeper than any valid file nests; stops a file whose aliases refer to themselves.</summary>
    private const int MaxDepth = 32;

    public static YamlNode Merge(YamlNode winner, YamlNode inherited, NodeOrigins origins) => Merge(winner, inherited, origins, 0);

    private static YamlNode Merge(YamlNode winner, YamlNode inherited, NodeOrigins origins, int depth)
    {
        if (winner is not YamlMappingNode top || inherited is not YamlMappingNode bottom || depth > MaxDepth)
        {
            return winner;
        }

        var below = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in bottom.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                below.TryAdd(name, value);
            }
        }

        var merged = new YamlMappingNode();
        foreach (var (key, value) in top.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && below.Remove(name, out var under))
            {
                merged.Add(key, ConfigSection.IsNull(value) ? under : Merge(value, under, origins, depth + 1));
            }
            else
            {
                merged.Add(key, value);
            }
        }

        foreach (var (key, value) in bottom.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && below.Remove(name))
            {
                merged.Add(key, value);
            }
        }

        origins.Inherit(merged, top);
        return merged;
    }
}
