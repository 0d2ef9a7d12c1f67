using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>action.yml and the program agree on the inputs: each declared input is read, and nothing else is.</summary>
public sealed partial class ActionManifestTests
{
    private static YamlMappingNode Manifest()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "action.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<string> Keys(YamlMappingNode manifest, string section) =>
        ((YamlMappingNode)manifest[section]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    [Fact]
    public void Every_declared_input_is_read_and_no_other()
    {
        Assert.Equal(Keys(Manifest(), "inputs").Order(), ActionInputs.All.Order());
    }

    [Fact]
    public void Only_ActionInputs_reads_INPUT_variables()
    {
        var readers = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "action", "GitHubIncidentApp.Action"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => InputVariable().IsMatch(File.ReadAllText(file)))
            .Select(Path.GetFileName);
        Assert.Equal(["ActionInputs.cs"], readers);
    }

    [Fact]
    public void The_manifest_declares_the_outputs_the_program_writes_and_runs_in_docker()
    {
        var manifest = Manifest();
        Assert.Equal(["incident-number", "incident-url", "operations"], Keys(manifest, "outputs").Order());
        var runs = (YamlMappingNode)manifest["runs"];
        Assert.Equal("docker", ((YamlScalarNode)runs["using"]).Value);
        Assert.Equal("${{ github.token }}", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)manifest["inputs"])["token"])["default"]).Value);
    }

    [GeneratedRegex("\"INPUT_")]
    private static partial Regex InputVariable();
}
