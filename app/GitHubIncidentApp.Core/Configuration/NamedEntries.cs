using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Mappings whose keys are names the file chooses (rotations, policies), not a fixed set of keys.</summary>
internal static class NamedEntries
{
    /// <summary>The entries of a mapping in file order with their key nodes, or null (reported) when the value is not a mapping.</summary>
    public static IReadOnlyList<(string Name, YamlNode Key, YamlNode Value)>? Named(
        this ConfigReader reader, ConfigSection section, string key, string expected)
    {
        if (!section.TryGet(key, out var node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            reader.Error(node, $"'{section.NameOf(key)}' must be {expected}");
            return null;
        }

        var entries = new List<(string, YamlNode, YamlNode)>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { Length: > 0 } name })
            {
                entries.Add((name, keyNode, value));
            }
            else
            {
                reader.Error(keyNode, $"names in '{section.NameOf(key)}' must be plain, non-empty words");
            }
        }

        return entries;
    }
}
