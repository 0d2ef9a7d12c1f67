using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Reads typed values from YAML nodes and collects every problem with its position, so one pass
/// over a file reports all that is wrong with it. Readers return null for absent or invalid values.
/// </summary>
/// <remarks>
/// A check returns what is wrong with a value (completing "'name' ...") or null when it is fine.
/// With <paramref name="origins"/>, an error at a node merged in from another file names that file.
/// </remarks>
internal sealed class ConfigReader(string path, NodeOrigins? origins = null)
{
    private readonly List<ConfigProblem> errors = [];

    public IReadOnlyList<ConfigProblem> Errors => errors;

    public void Error(Mark at, string message) => errors.Add(At(path, at, message));

    public void Error(YamlNode node, string message)
    {
        if (origins is not null && origins.TryLocate(node, out var file, out var start))
        {
            errors.Add(At(file, start, message));
        }
        else
        {
            Error(node.Start, message);
        }
    }

    /// <summary>Reads a mapping, reporting keys that are neither known nor deliberately ignored.</summary>
    public ConfigSection? Section(YamlNode node, string name, IReadOnlyList<string> known, IReadOnlyList<string>? ignored = null)
    {
        var subject = name.Length == 0 ? "the file" : $"'{name}'";
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{subject} must be a mapping with the keys {string.Join(", ", known)}, not {Describe(node)}");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, $"keys in {subject} must be plain names, not {Describe(keyNode)}");
            }
            else if (known.Contains(key))
            {
                entries[key] = value;
            }
            else if (ignored?.Contains(key) != true)
            {
                var where = name.Length == 0 ? "" : $" in '{name}'";
                var hint = NearestName.Find(key, [.. known, .. ignored ?? []]) is { } nearest
                    ? $"did you mean '{nearest}'?"
                    : $"known keys are {string.Join(", ", known)}";
                Error(keyNode, $"unknown key '{key}'{where}; {hint}");
            }
        }

        return new ConfigSection(name, entries);
    }

    public ConfigSection? Section(ConfigSection parent, string key, IReadOnlyList<string> known) =>
        parent.TryGet(key, out var node) ? Section(node, parent.NameOf(key), known) : null;

    public string? String(ConfigSection section, string key, Func<string, string?>? check = null) =>
        section.TryGet(key, out var node) ? String(node, section.NameOf(key), check) : null;

    public string? String(YamlNode node, string name, Func<string, string?>? check = null)
    {
        if (node is not YamlScalarNode { Value: var value })
        {
            Error(node, $"'{name}' must be a string, not {Describe(node)}");
            return null;
        }

        // The representation model keeps a scalar's source text, so 0e8a16 stays "0e8a16", not a number.
        value ??= "";
        if (check?.Invoke(value) is { } problem)
        {
            Error(node, $"'{name}' {problem}");
            return null;
        }

        return value;
    }

    public bool? Bool(ConfigSection section, string key)
    {
        if (!section.TryGet(key, out var node))
        {
            return null;
        }

        // YAML 1.2 booleans only: yes/no/on/off are strings there, and quoting makes any value a string.
        switch (node)
        {
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" }:
                return true;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" }:
                return false;
            default:
                Error(node, $"'{section.NameOf(key)}' must be true or false (unquoted), not {Describe(node)}");
                return null;
        }
    }

    public TimeSpan? Duration(ConfigSection section, string key)
    {
        if (String(section, key) is not { } text)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        Error(section.Entries[key], $"'{section.NameOf(key)}' is \"{text}\", which is not a duration; write {DurationText.Syntax}");
        return null;
    }

    /// <summary>The items of a list, or null (reported) when the value is not a list.</summary>
    public IReadOnlyList<YamlNode>? List(ConfigSection section, string key, string expected)
    {
        if (!section.TryGet(key, out var node))
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Error(node, $"'{section.NameOf(key)}' must be {expected}, not {Describe(node)}");
        return null;
    }

    public IReadOnlyList<string>? StringList(ConfigSection section, string key, Func<string, string?>? check = null)
    {
        if (List(section, key, "a list of strings") is not { } items)
        {
            return null;
        }

        var name = section.NameOf(key);
        var values = items.Select((item, index) => String(item, $"{name}[{index}]", check)).ToList();
        return values.Contains(null) ? null : values.OfType<string>().ToList();
    }

    /// <summary>YamlDotNet counts from 1; an empty mark (line 0) has no position.</summary>
    private static ConfigProblem At(string file, Mark at, string message) =>
        at.Line > 0 ? new ConfigProblem(file, (int)at.Line, (int)at.Column, message) : new ConfigProblem(file, null, null, message);

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: { Length: > 40 } value } => $"\"{value[..40]}...\"",
        YamlScalarNode { Value: var value } => $"\"{value}\"",
        _ => "an alias",
    };
}
