using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;
using static System.FormattableString;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// Storm (issue 15's target): new groups arrive open-loop over a few seconds, one in twenty critical, with storms at their
/// defaults, against a fake GitHub that enforces GitHub's content limits. Measures the time until every group is visible
/// on GitHub (in the storm issue's list or in an issue of its own), the content-creating requests it took and the
/// secondary rate limits GitHub had to answer.
/// </summary>
internal static class StormBench
{
    private const double VisibleGoalSeconds = 60;
    private const int ContentGoal = 20;
    private const double RssGoalMegabytes = 100;
    private const string Config = "storm: { threshold: 10, window: 2m, own_issue: critical }\n";

    public static async Task<IReadOnlyList<GoalRow>> RunAsync(BenchSetup setup, BenchArgs args)
    {
        var groups = args.Positive("--storm-groups", 100);
        var seconds = args.Positive("--storm-seconds", 10);
        Console.WriteLine(Invariant($"storm: {groups} new groups over {seconds} s, one in twenty critical, {setup.StorageName}, GitHub latency {setup.Latency.TotalMilliseconds} ms, {setup.Runs} runs"));

        var results = new List<StormResult>();
        for (var run = 1; run <= setup.Runs; run++)
        {
            var result = await RunOnceAsync(setup, groups, seconds);
            results.Add(result);
            Console.WriteLine(Invariant($"run {run} all visible in {result.Seconds:F2} s  content requests {result.ContentRequests} ({result.Issues} issues)  storm issue edits {result.StormEdits}  secondary rate limits {result.SecondaryLimits}  peak RSS {result.PeakRss:F0} MB"));
        }

        return
        [
            GoalRow.Of("storm", Invariant($"all {groups} groups visible, sent over {seconds} s"), results.Select(r => r.Seconds), "s", VisibleGoalSeconds, GoalKind.AtMost),
            GoalRow.Of("storm", "content-creating requests", results.Select(r => (double)r.ContentRequests), "requests", ContentGoal, GoalKind.AtMost),
            GoalRow.Of("storm", "secondary rate limits", results.Select(r => (double)r.SecondaryLimits), "answers", 0, GoalKind.AtMost),
            GoalRow.Of("storm", "peak RSS", results.Select(r => r.PeakRss), "MB", RssGoalMegabytes, GoalKind.AtMost),
        ];
    }

    private static async Task<StormResult> RunOnceAsync(BenchSetup setup, int groups, int seconds)
    {
        using var storage = await setup.NewStorageAsync();
        await using var github = await BenchGitHub.StartAsync(setup.Latency, Config);
        var limits = new GitHubContentLimits();
        github.FaultWith = limits.Check;
        await using var app = await BenchAppProcess.StartAsync(github, storage);
        var payloads = Payloads(groups);
        var keys = payloads.Select(KeyOf).ToHashSet(StringComparer.Ordinal);

        var clock = Stopwatch.StartNew();
        await app.PostEachAsync(payloads, rate: Math.Max(1, groups / seconds));
        await Poll.UntilAsync(
            () => Task.FromResult(Visible(github, keys) >= groups),
            TimeSpan.FromMinutes(5),
            () => Invariant($"{Visible(github, keys)} of {groups} groups are visible on the fake GitHub. The app's output:\n{app.Output}"));
        var elapsed = clock.Elapsed.TotalSeconds;

        var issues = github.Repo(BenchGitHub.Owner, BenchGitHub.Repo).Issues;
        var storm = issues.FirstOrDefault(i => i.Labels.Contains(StormDecider.Label.Name));
        var edits = storm is null ? 0 : github.Requests.Count(r => r.Method == "PATCH" && r.Path.EndsWith($"/issues/{storm.Number}", StringComparison.Ordinal));
        return new StormResult(elapsed, github.Requests.Count(GitHubContentLimits.IsContentCreation), issues.Count, edits, limits.Refused, app.PeakRssMegabytes());
    }

    /// <summary>Each group's first delivery, one in twenty critical and the rest warning: a storm of mostly lesser alerts.</summary>
    private static List<byte[]> Payloads(int groups) =>
        [.. AlertBurst.Create(groups).Wave(1).Select((delivery, i) => Encoding.UTF8.GetBytes(WithSeverity(delivery.Json, i % 20 == 19 ? "critical" : "warning")))];

    private static string WithSeverity(string json, string severity)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var alert in root["alerts"]!.AsArray())
        {
            alert!["labels"]!["severity"] = severity;
        }

        root["commonLabels"]!["severity"] = severity;
        return root.ToJsonString();
    }

    private static string KeyOf(byte[] payload) =>
        IncidentKey.Derive(new RepoRef(BenchGitHub.Owner, BenchGitHub.Repo), AlertmanagerPayloadParser.Parse(payload).Payload!, []);

    /// <summary>The groups GitHub shows: an issue's marker names its group; the storm issue's names those it lists.</summary>
    private static int Visible(FakeGitHubServer github, HashSet<string> keys)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in github.Repo(BenchGitHub.Owner, BenchGitHub.Repo).Issues)
        {
            if (IssueBody.ReadState(issue.Body) is { } state)
            {
                shown.UnionWith(state.Storm is { } storm ? storm.Members.Select(m => m.Key) : [state.Key]);
            }
        }

        return keys.Count(shown.Contains);
    }

    private sealed record StormResult(double Seconds, int ContentRequests, int Issues, int StormEdits, int SecondaryLimits, double PeakRss);
}
