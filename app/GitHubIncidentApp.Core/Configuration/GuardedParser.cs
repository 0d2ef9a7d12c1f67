using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Wraps the YAML parser that the representation model loads from, to guard what the loader does not:
/// it stops nesting deeper than a limit (the loader recurses once per level, and a stack overflow
/// from a hostile file cannot be caught), reports an alias to an undefined anchor where the alias is
/// (the loader reports it at the start of the file), and remembers where the input was last
/// understood, for the few parser failures that arrive without a position.
/// </summary>
internal sealed class GuardedParser(IParser inner, int maxDepth) : IParser
{
    private readonly HashSet<string> anchors = [];
    private int depth;

    public ParsingEvent? Current => inner.Current;

    /// <summary>End of the last event read; the start of the file before any.</summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        switch (current)
        {
            case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                throw new YamlException(current.Start, current.End,
                    $"'*{alias.Value}' refers to no anchor; define '&{alias.Value}' on a value before this point");
            case MappingStart or SequenceStart when ++depth > maxDepth:
                throw new YamlException(current.Start, current.End,
                    $"lists and mappings are nested more than {maxDepth} levels deep; a config file never needs that many");
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } node)
        {
            anchors.Add(node.Anchor.Value);
        }

        LastGood = current.End;
        return true;
    }
}
