using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>The <c>severity:</c> section: the alert label, the default and the ordered levels with their GitHub labels.</summary>
internal static class SeveritySection
{
    private static readonly string[] SeverityKeys = ["label", "default", "levels"];
    private static readonly string[] LevelKeys = ["name", "label", "color", "aliases"];
    private const string DefaultLevelColor = "ededed";

    public static SeverityConfig Read(ConfigReader reader, ConfigSection file)
    {
        var defaults = IncidentConfig.Default.Severity;
        if (reader.Section(file, "severity", SeverityKeys) is not { } section)
        {
            return defaults;
        }

        var errorsBefore = reader.Errors.Count;
        var levels = ReadLevels(reader, section) ?? defaults.Levels;
        var fallback = reader.String(section, "default", ConfigChecks.NotEmpty) ?? defaults.Default;

        // Checked against broken levels, the default would only add a confusing second error.
        if (reader.Errors.Count == errorsBefore && !levels.Any(level => level.Name == fallback))
        {
            var names = string.Join(", ", levels.Select(level => level.Name));
            if (section.TryGet("default", out var node))
            {
                reader.Error(node, $"'severity.default' is \"{fallback}\", which names no level; use one of {names}");
            }
            else
            {
                reader.Error(section.Entries["levels"], $"'severity.levels' has no level named \"{fallback}\", the default severity; set 'severity.default' to one of {names}");
            }
        }

        return new SeverityConfig
        {
            Label = reader.String(section, "label", ConfigChecks.AlertLabelName) ?? defaults.Label,
            Default = fallback,
            Levels = levels,
        };
    }

    private static List<SeverityLevel>? ReadLevels(ConfigReader reader, ConfigSection severity)
    {
        if (reader.List(severity, "levels", "a list of levels, each a mapping with name, label, color and aliases") is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            reader.Error(severity.Entries["levels"], "'severity.levels' is empty; list at least one level, most severe first");
            return null;
        }

        // Names and aliases are all values of the severity label, so each may mean only one level.
        var meanings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var gitHubLabels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var levels = new List<SeverityLevel>();
        for (var index = 0; index < items.Count; index++)
        {
            if (ReadLevel(reader, items[index], $"severity.levels[{index}]", meanings, gitHubLabels) is { } level)
            {
                levels.Add(level);
            }
        }

        return levels;
    }

    private static SeverityLevel? ReadLevel(
        ConfigReader reader, YamlNode node, string name, Dictionary<string, string> meanings, Dictionary<string, string> gitHubLabels)
    {
        if (reader.Section(node, name, LevelKeys) is not { } level)
        {
            return null;
        }

        if (!level.TryGet("name", out var nameNode))
        {
            reader.Error(node, $"'{name}' has no name; give every level one, such as name: critical");
            return null;
        }

        if (reader.String(nameNode, level.NameOf("name"), ConfigChecks.NotEmpty) is not { } levelName)
        {
            return null;
        }

        Claim(reader, meanings, nameNode, levelName, $"'{level.NameOf("name")}'", "severity names and aliases must be unique");

        var aliases = new List<string>();
        var aliasNodes = reader.List(level, "aliases", "a list of strings") ?? [];
        for (var index = 0; index < aliasNodes.Count; index++)
        {
            var aliasName = $"{level.NameOf("aliases")}[{index}]";
            if (reader.String(aliasNodes[index], aliasName, ConfigChecks.NotEmpty) is { } alias)
            {
                Claim(reader, meanings, aliasNodes[index], alias, $"'{aliasName}'", "severity names and aliases must be unique");
                aliases.Add(alias);
            }
        }

        var label = reader.String(level, "label", ConfigChecks.LabelName) ?? $"severity/{levelName}";
        var labelNode = level.TryGet("label", out var given) ? given : nameNode;
        Claim(reader, gitHubLabels, labelNode, label, $"the label of '{name}'", "each level needs its own GitHub label");

        return new SeverityLevel(levelName, label, ReadColor(reader, level), aliases);
    }

    /// <summary>Records that <paramref name="value"/> belongs to <paramref name="owner"/>, reporting it if another owner has it.</summary>
    private static void Claim(ConfigReader reader, Dictionary<string, string> claims, YamlNode node, string value, string owner, string rule)
    {
        if (!claims.TryAdd(value, owner))
        {
            reader.Error(node, $"{owner} is \"{value}\", which {claims[value]} already uses; {rule}");
        }
    }

    private static string ReadColor(ConfigReader reader, ConfigSection level)
    {
        // An unquoted "#b60205" starts a YAML comment and leaves the value empty: say so rather than use a default.
        if (level.Entries.TryGetValue("color", out var node) && ConfigSection.IsNull(node))
        {
            reader.Error(node, $"'{level.NameOf("color")}' is empty; write six hex digits such as b60205 (with a leading #, quote it: \"#b60205\")");
        }

        return reader.String(level, "color", ConfigChecks.Color) is { } text && ConfigChecks.TryNormalizeColor(text, out var color)
            ? color
            : DefaultLevelColor;
    }
}
