using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Bench;

/// <summary>The fake GitHub every benchmark runs against: the app installed on operate-first/incidents, answering after a fixed latency.</summary>
internal static partial class BenchGitHub
{
    public const string Owner = "operate-first";
    public const string Repo = "incidents";

    /// <summary>Where the benchmark posts its Alertmanager deliveries.</summary>
    public const string AlertmanagerPath = $"api/alertmanager/{Owner}/{Repo}";

    /// <param name="config">The repository's <c>.github/incidents.yml</c>; the burst's (storms off) unless given.</param>
    public static async Task<FakeGitHubServer> StartAsync(TimeSpan latency, string config = AlertBurst.ConfigFile)
    {
        var github = await FakeGitHubServer.StartAsync();
        github.AddInstallation(Owner, 1001);
        github.Repo(Owner, Repo).SetFile(IncidentConfig.FilePath, config);
        github.DisruptWith = _ => FakeDisruption.Slow(latency);
        return github;
    }

    public static int IssueCount(FakeGitHubServer github) => github.Repo(Owner, Repo).Issues.Count;

    /// <summary>The requests by method and route (numbers shown as {n}), most first: what the app asked GitHub for.</summary>
    public static string Routes(IEnumerable<RecordedRequest> requests) =>
        string.Join(", ", requests
            .GroupBy(r => $"{r.Method} {Number().Replace(r.Path, "/{n}")}", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()}× {g.Key}"));

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Number();
}
