using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>A mapping of a config file whose keys were checked, with its dotted name for messages.</summary>
/// <param name="Name">Dotted path of the mapping (<c>severity.levels[0]</c>); empty for the file itself.</param>
/// <param name="Entries">The known keys, including those whose value is null.</param>
internal sealed record ConfigSection(string Name, IReadOnlyDictionary<string, YamlNode> Entries)
{
    public string NameOf(string key) => Name.Length == 0 ? key : $"{Name}.{key}";

    /// <summary>The value of a key; a null value counts as not set, so a commented-out section keeps its defaults.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out YamlNode? value) =>
        Entries.TryGetValue(key, out value) && !IsNull(value);

    /// <summary>YAML null: <c>key:</c> with nothing after it, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
