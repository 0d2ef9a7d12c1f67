using System.Collections;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>The commands of a comment, in order, up to <see cref="CommandParser.MaxCommands"/>, and how many more were ignored.</summary>
public sealed class ParsedCommands(IReadOnlyList<CommandLine> commands, int ignoredCount, int? firstIgnoredLine) : IReadOnlyList<CommandLine>
{
    /// <summary>Commands beyond the cap, which do not run.</summary>
    public int IgnoredCount => ignoredCount;

    /// <summary>Line of the first ignored command, or null when none was ignored.</summary>
    public int? FirstIgnoredLine => firstIgnoredLine;

    public int Count => commands.Count;

    public CommandLine this[int index] => commands[index];

    public IEnumerator<CommandLine> GetEnumerator() => commands.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
