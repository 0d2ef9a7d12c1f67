using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Which file, and where in it, each node of a merged config tree comes from, so that an error
/// found after merging still names the file and line a person has to edit.
/// </summary>
/// <remarks>Keyed by reference: YAML nodes compare by content, and equal values from two files are different places.</remarks>
internal sealed class NodeOrigins
{
    private readonly Dictionary<YamlNode, (string Path, Mark Start)> origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records every node of a loaded file; a node shared through an alias is visited once.</summary>
    public void Add(YamlNode root, string path)
    {
        var pending = new Stack<YamlNode>([root]);
        while (pending.TryPop(out var node))
        {
            if (!origins.TryAdd(node, (path, node.Start)))
            {
                continue;
            }

            var children = node switch
            {
                YamlMappingNode mapping => mapping.Children.SelectMany(entry => new[] { entry.Key, entry.Value }),
                YamlSequenceNode sequence => sequence.Children,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>A mapping built by merging stands where the mapping of the file that wins stands.</summary>
    public void Inherit(YamlNode merged, YamlNode from)
    {
        if (origins.TryGetValue(from, out var origin))
        {
            origins[merged] = origin;
        }
    }

    public bool TryLocate(YamlNode node, out string path, out Mark start)
    {
        var found = origins.TryGetValue(node, out var origin);
        (path, start) = origin;
        return found;
    }
}
