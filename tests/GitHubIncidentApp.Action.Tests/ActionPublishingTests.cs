using System.Diagnostics;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Incidents.Intake;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>The Action as users reach it: the root action.yml, its release rewrite, and the example workflows.</summary>
public sealed partial class ActionPublishingTests
{
    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Image(YamlMappingNode manifest) => ((YamlScalarNode)((YamlMappingNode)manifest["runs"])["image"]).Value!;

    [Fact]
    public void A_branch_builds_the_root_Dockerfile()
    {
        Assert.Equal("Dockerfile", Image(Load(Path.Combine(RepoPaths.Root, "action.yml"))));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "Dockerfile")));
    }

    [Fact]
    public async Task A_release_pins_its_published_image_and_changes_nothing_else()
    {
        var dir = Directory.CreateTempSubdirectory("incident-release-").FullName;
        try
        {
            var manifest = Path.Combine(dir, "action.yml");
            File.Copy(Path.Combine(RepoPaths.Root, "action.yml"), manifest);
            const string image = "docker://ghcr.io/a-fork/github-incident-app/incident-action:v1.2.3";

            var (exitCode, output) = await RunAsync("bash", Path.Combine(RepoPaths.Root, "action", "pin-image.sh"), manifest, image);

            Assert.True(exitCode == 0, output);
            Assert.Equal(image, Image(Load(manifest)));
            var before = File.ReadAllLines(Path.Combine(RepoPaths.Root, "action.yml"));
            var after = File.ReadAllLines(manifest);
            Assert.Equal(before.Length, after.Length);
            Assert.Equal(["  image: Dockerfile"], before.Except(after));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("incidents.yml")]
    [InlineData("validate-incidents.yml")]
    public void The_example_workflows_use_the_root_action_at_a_major_tag(string example)
    {
        var workflow = Load(Path.Combine(RepoPaths.Root, "action", "examples", example));
        var uses = ((YamlMappingNode)workflow["jobs"]).Children.Values
            .SelectMany(job => ((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children)
            .Select(step => ((YamlMappingNode)step).Children.TryGetValue("uses", out var value) ? ((YamlScalarNode)value).Value! : null)
            .OfType<string>()
            .Where(name => !name.StartsWith("actions/", StringComparison.Ordinal));
        Assert.Matches(RootActionAtMajorTag(), Assert.Single(uses));
    }

    [Fact]
    public void The_example_workflow_takes_both_dispatches_the_Action_reads()
    {
        var on = (YamlMappingNode)Load(Path.Combine(RepoPaths.Root, "action", "examples", "incidents.yml"))["on"];
        var types = (YamlSequenceNode)((YamlMappingNode)on["repository_dispatch"])["types"];
        Assert.Contains(DispatchPayload.DispatchType, types.Children.Select(t => ((YamlScalarNode)t).Value));
        var inputs = (YamlMappingNode)((YamlMappingNode)on["workflow_dispatch"])["inputs"];
        Assert.Equal([DispatchPayload.PayloadKey], inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    // owner/repo@vN: the root action.yml (no subfolder), at a major tag the release workflow moves.
    [GeneratedRegex(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+@v[0-9]+$")]
    private static partial Regex RootActionAtMajorTag();
}
