using System.Diagnostics;
using static System.FormattableString;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// Pace: many new groups at once, each to get its own issue (storms off), with the app's default content limits, against
/// a fake GitHub that enforces GitHub's (<see cref="GitHubContentLimits"/>). Measures the time until every issue exists against the
/// pace GitHub's limits allow, the most content-creating requests GitHub saw in any minute and any hour, and the
/// secondary rate limits it had to answer.
/// </summary>
internal static class PaceBench
{
    private const double RssGoalMegabytes = 100;

    public static async Task<IReadOnlyList<GoalRow>> RunAsync(BenchSetup setup, BenchArgs args)
    {
        var groups = args.Positive("--pace-groups", 200);
        // The last creation still has to be answered.
        var ideal = GitHubContentLimits.IdealPace(groups) + setup.Latency;
        Console.WriteLine(Invariant($"pace: {groups} new groups at once, storms off, {setup.StorageName}, GitHub latency {setup.Latency.TotalMilliseconds} ms, GitHub's limits allow them all in {ideal.TotalSeconds:F1} s, {setup.Runs} runs"));

        var results = new List<StormResult>();
        for (var run = 1; run <= setup.Runs; run++)
        {
            var result = await RunOnceAsync(setup, groups, ideal);
            results.Add(result);
            Console.WriteLine(Invariant($"run {run} all issues in {result.Seconds:F2} s  content requests {result.ContentRequests}, most in a minute {result.MostInMinute}, in an hour {result.MostInHour}  secondary rate limits {result.SecondaryLimits}  peak RSS {result.PeakRss:F0} MB"));
        }

        return
        [
            GoalRow.Of("pace", Invariant($"all {groups} issues vs GitHub's pace"), results.Select(r => r.Seconds), "s", ideal.TotalSeconds, GoalKind.Reference),
            GoalRow.Of("pace", "content requests in any 60 s", results.Select(r => (double)r.MostInMinute), "requests", GitHubContentLimits.PerMinute, GoalKind.AtMost),
            GoalRow.Of("pace", "content requests in any hour", results.Select(r => (double)r.MostInHour), "requests", GitHubContentLimits.PerHour, GoalKind.AtMost),
            GoalRow.Of("pace", "secondary rate limits", results.Select(r => (double)r.SecondaryLimits), "answers", 0, GoalKind.AtMost),
            GoalRow.Of("pace", "peak RSS", results.Select(r => r.PeakRss), "MB", RssGoalMegabytes, GoalKind.AtMost),
        ];
    }

    private static async Task<StormResult> RunOnceAsync(BenchSetup setup, int groups, TimeSpan ideal)
    {
        using var storage = await setup.NewStorageAsync();
        await using var github = await BenchGitHub.StartAsync(setup.Latency);
        var limits = new GitHubContentLimits();
        github.FaultWith = limits.Check;
        await using var app = await BenchAppProcess.StartAsync(github, storage);
        var payloads = AlertPayloads.Opening(groups);

        var clock = Stopwatch.StartNew();
        await app.PostEachAsync(payloads, rate: 1000);
        await Poll.UntilAsync(
            () => Task.FromResult(BenchGitHub.IssueCount(github) >= groups),
            ideal + TimeSpan.FromMinutes(10),
            () => Invariant($"{BenchGitHub.IssueCount(github)} of {groups} issues exist on the fake GitHub. The app's output:\n{app.Output}"));
        var seconds = clock.Elapsed.TotalSeconds;

        var content = github.Requests.Where(GitHubContentLimits.IsContentCreation).Select(r => r.At).Order().ToList();
        return new StormResult(
            seconds, content.Count, GitHubContentLimits.MostInWindow(content, TimeSpan.FromMinutes(1)),
            GitHubContentLimits.MostInWindow(content, TimeSpan.FromHours(1)), limits.Refused, app.PeakRssMegabytes());
    }

    private sealed record StormResult(double Seconds, int ContentRequests, int MostInMinute, int MostInHour, int SecondaryLimits, double PeakRss);
}
