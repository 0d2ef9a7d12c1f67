using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Wraps the YAML parser that the representation model loads from, for two guards:
/// it stops nesting deeper than a limit (the loader recurses once per level, and a stack overflow
/// from a hostile file cannot be caught), and it remembers where the input was last understood,
/// for the few parser failures that arrive without a position.
/// </summary>
internal sealed class GuardedParser(IParser inner, int maxDepth) : IParser
{
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
            case MappingStart or SequenceStart when ++depth > maxDepth:
                throw new YamlException(current.Start, current.End,
                    $"lists and mappings are nested more than {maxDepth} levels deep; a config file never needs that many");
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        LastGood = current.End;
        return true;
    }
}
