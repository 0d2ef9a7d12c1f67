using System.Diagnostics;
using GitHubIncidentApp.Testing.FakeGitHub;
using static System.FormattableString;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// Recovery from a GitHub outage: with GitHub down (every request answered 503, or its connection cut), new groups
/// arrive; after the outage, the time from GitHub's return to the last group's issue existing.
/// </summary>
internal static class RecoveryBench
{
    private const double RecoveryGoalSeconds = 30;
    private const double RssGoalMegabytes = 100;

    public static async Task<IReadOnlyList<GoalRow>> RunAsync(BenchSetup setup, BenchArgs args)
    {
        var groups = args.Positive("--recovery-groups", 50);
        var outage = TimeSpan.FromSeconds(args.Positive("--outage-seconds", 60));
        var cut = args.Choice("--outage", "503", "cut") == "cut";
        Console.WriteLine(Invariant($"recovery: {groups} new groups during a {outage.TotalSeconds:F0} s outage ({(cut ? "connections cut" : "503 to every request")}), {setup.StorageName}, GitHub latency {setup.Latency.TotalMilliseconds} ms, {setup.Runs} runs"));

        var results = new List<(double Seconds, int Refused, double PeakRss)>();
        for (var run = 1; run <= setup.Runs; run++)
        {
            var result = await RunOnceAsync(setup, groups, outage, cut);
            results.Add(result);
            Console.WriteLine(Invariant($"run {run} last issue {result.Seconds:F2} s after GitHub came back  requests refused during the outage {result.Refused}  peak RSS {result.PeakRss:F0} MB"));
        }

        return
        [
            GoalRow.Of("recovery", Invariant($"last of {groups} issues after the outage"), results.Select(r => r.Seconds), "s", RecoveryGoalSeconds, GoalKind.AtMost),
            GoalRow.Of("recovery", "peak RSS", results.Select(r => r.PeakRss), "MB", RssGoalMegabytes, GoalKind.AtMost),
        ];
    }

    private static async Task<(double Seconds, int Refused, double PeakRss)> RunOnceAsync(BenchSetup setup, int groups, TimeSpan outage, bool cut)
    {
        using var storage = await setup.NewStorageAsync();
        await using var github = await BenchGitHub.StartAsync(setup.Latency);
        await using var app = await BenchAppProcess.StartAsync(github, storage);
        var payloads = AlertPayloads.Opening(groups + 1);

        // One incident first, so that the app meets the outage as a running app would: with its token and the repository's config.
        await app.PostEachAsync(payloads[..1], rate: 1);
        await WaitForIssuesAsync(github, app, 1, TimeSpan.FromMinutes(1));

        var healed = new TaskCompletionSource();
        var slow = FakeDisruption.Slow(setup.Latency);
        var down = cut ? FakeDisruption.CutConnection(FakeCut.BeforeHandling) with { Delay = setup.Latency } : slow;
        github.DisruptWith = _ => healed.Task.IsCompleted ? slow : down;
        github.FaultWith = _ => cut || healed.Task.IsCompleted ? null : FakeFault.Status(503);
        github.ClearRequests();
        await app.PostEachAsync(payloads[1..], rate: 1000);
        await Task.Delay(outage);

        healed.SetResult();
        var clock = Stopwatch.StartNew();
        await WaitForIssuesAsync(github, app, groups + 1, TimeSpan.FromMinutes(15));
        var seconds = clock.Elapsed.TotalSeconds;
        var refused = github.Requests.Count(r => r.StatusCode == 503 || r.Cut != FakeCut.None);
        return (seconds, refused, app.PeakRssMegabytes());
    }

    private static Task WaitForIssuesAsync(FakeGitHubServer github, BenchAppProcess app, int issues, TimeSpan timeout) =>
        Poll.UntilAsync(
            () => Task.FromResult(BenchGitHub.IssueCount(github) >= issues),
            timeout,
            () => Invariant($"{BenchGitHub.IssueCount(github)} of {issues} issues exist on the fake GitHub. The app's output:\n{app.Output}"));
}
