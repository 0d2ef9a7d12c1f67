using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Bench;

/// <summary>The fake GitHub every benchmark runs against: the app installed on operate-first/incidents, answering after a fixed latency.</summary>
internal static class BenchGitHub
{
    public const string Owner = "operate-first";
    public const string Repo = "incidents";

    /// <summary>Where the benchmark posts its Alertmanager deliveries.</summary>
    public const string AlertmanagerPath = $"api/alertmanager/{Owner}/{Repo}";

    public static async Task<FakeGitHubServer> StartAsync(TimeSpan latency)
    {
        var github = await FakeGitHubServer.StartAsync();
        github.AddInstallation(Owner, 1001);
        github.Repo(Owner, Repo).SetFile(IncidentConfig.FilePath, AlertBurst.ConfigFile);
        github.DisruptWith = _ => FakeDisruption.Slow(latency);
        return github;
    }
}
