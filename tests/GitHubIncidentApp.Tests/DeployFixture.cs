using System.Net;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Both overlays of deploy/ rendered once, and the app running against a fake GitHub, so the manifests are checked
/// against the endpoints, port and metrics the app really has.
/// </summary>
public sealed partial class DeployFixture : IAsyncLifetime
{
    public const string Collection = "deploy manifests";

    public static readonly string[] Overlays = ["sqlite-1", "postgres-3"];

    private FakeGitHubServer _github = null!;

    public Dictionary<string, Manifests> Rendered { get; } = new(StringComparer.Ordinal);

    public RunningApp App { get; private set; } = null!;

    /// <summary>The metric families of the app's <c>/metrics</c>, each with the label sets of its samples.</summary>
    public Dictionary<string, List<Dictionary<string, string>>> Metrics { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        foreach (var overlay in Overlays)
        {
            Rendered[overlay] = await Kustomize.RenderAsync(overlay);
        }

        _github = await FakeGitHubServer.StartAsync();
        App = await RunningApp.StartAsync(_github);
        ReadMetrics(await GetAsync("/metrics"));
    }

    /// <summary>GET <paramref name="path"/> on the running app; asserts 200.</summary>
    public async Task<string> GetAsync(string path)
    {
        using var response = await App.Client.GetAsync(path.TrimStart('/'));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task DisposeAsync()
    {
        // Null when rendering failed (no kubectl), so that failure is the one reported.
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_github is not null)
        {
            await _github.DisposeAsync();
        }
    }

    private void ReadMetrics(string exposition)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                Metrics[type.Groups["name"].Value] = [];
            }
            else if (SampleLine().Match(line) is { Success: true } sample && Metrics.TryGetValue(sample.Groups["name"].Value, out var samples))
            {
                samples.Add(LabelPair().Matches(sample.Groups["labels"].Value).ToDictionary(pair => pair.Groups["label"].Value, pair => pair.Groups["value"].Value, StringComparer.Ordinal));
            }
        }

        Assert.NotEmpty(Metrics);
    }

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) ")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? ")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<label>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelPair();
}

/// <summary>The tests of deploy/ share one <see cref="DeployFixture"/>.</summary>
[CollectionDefinition(DeployFixture.Collection)]
public sealed class DeployCollection : ICollectionFixture<DeployFixture>;
