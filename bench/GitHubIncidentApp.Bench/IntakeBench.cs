using static System.FormattableString;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// The intake benchmark: open-loop acknowledgement latency at one rate, then the highest rate the app sustains,
/// and the app's peak RSS, each run on a freshly started app process; medians of the runs against issue 12's goals.
/// </summary>
internal static class IntakeBench
{
    private const double LatencyGoalMs = 10;
    private const double SustainedP99LimitMs = 50;
    private const int SustainedGoalPerSecond = 2000;
    private const double RssGoalMegabytes = 100;

    public static async Task<IReadOnlyList<GoalRow>> RunAsync(BenchSetup setup, BenchArgs args)
    {
        var rate = args.Positive("--rate", 200);
        var seconds = args.Positive("--seconds", 20);
        var groups = args.Positive("--groups", 50);
        var rates = args.Ints("--rates", [200, 500, 1000, 2000]);
        var stepSeconds = args.Positive("--step-seconds", 10);
        var warmup = TimeSpan.FromSeconds(args.Int("--warmup-seconds", 10));
        if (rates.Any(r => r <= 0))
        {
            throw new ArgumentException($"--rates {string.Join(',', rates)} holds a rate that is not positive: give rates a second, such as 200,500,1000,2000.");
        }

        // Answers are awaited on the pool: start it wide enough that its slow growth does not delay them.
        ThreadPool.SetMinThreads(64, 64);
        var payloads = AlertPayloads.Opening(groups);
        Console.WriteLine(Invariant($"intake: {groups} alert groups repeated round-robin, {setup.StorageName}, GitHub latency {setup.Latency.TotalMilliseconds} ms, {setup.Runs} runs, each load on a fresh app process after {warmup.TotalSeconds} s of it unmeasured"));

        var atRate = new List<LoadResult>();
        var sustained = new List<double>();
        var peakRss = new List<double>();
        for (var run = 1; run <= setup.Runs; run++)
        {
            var (result, rss, backlog) = await LoadFreshAppAsync(setup, payloads, rate, warmup, TimeSpan.FromSeconds(seconds));
            atRate.Add(result);
            Console.WriteLine(Invariant($"run {run} latency   {result}  peak RSS {rss:F0} MB  backlog {backlog}"));

            var best = 0;
            foreach (var step in rates)
            {
                var (stepResult, stepRss, stepBacklog) = await LoadFreshAppAsync(setup, payloads, step, warmup, TimeSpan.FromSeconds(stepSeconds));
                rss = Math.Max(rss, stepRss);
                var holds = stepResult.P99Ms <= SustainedP99LimitMs && stepResult.Failed == 0;
                Console.WriteLine(Invariant($"run {run} step      {stepResult}  peak RSS {stepRss:F0} MB  backlog {stepBacklog}  {(holds ? "sustained" : "not sustained")}"));
                if (!holds)
                {
                    break;
                }

                best = step;
            }

            sustained.Add(best);
            peakRss.Add(rss);
        }

        Console.WriteLine(Invariant($"median at {rate}/s: p50 {Stats.Median(atRate.Select(r => r.P50Ms)):F1} ms, p99 {Stats.Median(atRate.Select(r => r.P99Ms)):F1} ms, max {Stats.Median(atRate.Select(r => r.MaxMs)):F1} ms, non-2xx {Stats.Median(atRate.Select(r => (double)r.Failed)):F0} of {atRate[0].Sent}"));
        return
        [
            GoalRow.Of("intake", Invariant($"p99 acknowledgement at {rate}/s"), atRate.Select(r => r.P99Ms), "ms", LatencyGoalMs, GoalKind.AtMost),
            GoalRow.Of("intake", Invariant($"highest of {string.Join(',', rates)}/s held {stepSeconds} s, p99 <= {SustainedP99LimitMs} ms"), sustained, "/s", SustainedGoalPerSecond, GoalKind.AtLeast),
            GoalRow.Of("intake", "peak RSS", peakRss, "MB", RssGoalMegabytes, GoalKind.AtMost),
        ];
    }

    /// <summary>
    /// One load on a freshly started app: first each group once, spread over a second, then the same load for
    /// <paramref name="warmup"/>, both unmeasured (the issues are created; a fresh process runs code the JIT has not
    /// optimized yet, measured at a fifth of the CPU in the first 20 s at 1,000/s), then the open-loop load. Returns its figures, the app's peak RSS and the deliveries it still had to
    /// process when the last answer came (how far the inbox fell behind).
    /// </summary>
    private static async Task<(LoadResult Result, double PeakRssMegabytes, int Backlog)> LoadFreshAppAsync(
        BenchSetup setup, IReadOnlyList<byte[]> payloads, int rate, TimeSpan warmup, TimeSpan duration)
    {
        using var storage = await setup.NewStorageAsync();
        await using var github = await BenchGitHub.StartAsync(setup.Latency);
        await using var app = await BenchAppProcess.StartAsync(github, storage);
        await OpenLoopLoad.RunAsync(app.BaseUrl, BenchGitHub.AlertmanagerPath, payloads, rate: payloads.Count, TimeSpan.FromSeconds(1));
        if (warmup > TimeSpan.Zero)
        {
            await OpenLoopLoad.RunAsync(app.BaseUrl, BenchGitHub.AlertmanagerPath, payloads, rate, warmup);
        }

        var result = await OpenLoopLoad.RunAsync(app.BaseUrl, BenchGitHub.AlertmanagerPath, payloads, rate, duration);
        return (result, app.PeakRssMegabytes(), await app.PendingAsync());
    }
}
