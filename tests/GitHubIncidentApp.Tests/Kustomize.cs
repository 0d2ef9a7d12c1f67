using System.ComponentModel;
using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Renders an overlay of deploy/ (copied beside the test binaries) with <c>kubectl kustomize</c>, as
/// <c>kubectl apply -k</c> would. A missing or too old kubectl fails the tests, saying what to install.
/// </summary>
public static class Kustomize
{
    private const string WhatToInstall = "The deploy tests render deploy/overlays with `kubectl kustomize`, which needs a kubectl whose kustomize "
        + "reads `patches:` (tested with kubectl 1.32, kustomize v5.5): run .ci/run, which installs one when it is missing, or install kubectl "
        + "from https://kubernetes.io/docs/tasks/tools/. Debian 12's kubernetes-client (kubectl 1.20) is too old for these kustomization files.";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<Manifests> RenderAsync(string overlay)
    {
        var (exit, output, errors) = await RunAsync("kustomize", Path.Combine(AppContext.BaseDirectory, "deploy", "overlays", overlay));
        if (exit != 0)
        {
            var (_, version, _) = await RunAsync("version", "--client");
            throw new InvalidOperationException($"kubectl kustomize deploy/overlays/{overlay} failed:\n{errors}\nkubectl here: {version.Trim()}\n{WhatToInstall}");
        }

        return Manifests.Parse(output);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"kubectl cannot be run ({ex.Message}). {WhatToInstall}", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
    }
}

/// <summary>The Kubernetes objects an overlay renders to.</summary>
public sealed class Manifests(IReadOnlyList<YamlMappingNode> objects)
{
    public IReadOnlyList<YamlMappingNode> Objects => objects;

    public YamlMappingNode Deployment => Single("Deployment");

    /// <summary>The app's container in the Deployment.</summary>
    public YamlMappingNode Container => Assert.Single(Deployment.Items("spec.template.spec.containers"), c => c.Text("name") == "app");

    public static Manifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new(stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList());
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => objects.Where(o => o.Text("kind") == kind);

    public YamlMappingNode Single(string kind) => Assert.Single(OfKind(kind));

    public YamlMappingNode Named(string kind, string name) => Assert.Single(OfKind(kind), o => o.Text("metadata.name") == name);
}

/// <summary>Reads YAML nodes by paths of mapping keys separated by dots (label keys, which hold dots, are read whole with <see cref="Labels"/>).</summary>
public static class YamlPaths
{
    public static YamlNode? At(this YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static string? Text(this YamlNode node, string path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlMappingNode> Items(this YamlNode node, string path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children.Cast<YamlMappingNode>() : [];

    public static IReadOnlyDictionary<string, string> Labels(this YamlNode node, string path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static IEnumerable<string> Keys(this YamlNode node, string path) =>
        node.At(path) is YamlMappingNode map ? map.Children.Keys.Select(key => ((YamlScalarNode)key).Value!) : [];
}
