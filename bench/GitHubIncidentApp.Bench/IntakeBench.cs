using System.Globalization;
using System.Text;
using GitHubIncidentApp.Testing.Bursts;

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

    public static async Task RunAsync(BenchArgs args)
    {
        var rate = args.Int("--rate", 200);
        var seconds = args.Int("--seconds", 20);
        var groups = args.Int("--groups", 50);
        var runs = args.Int("--runs", 3);
        var latency = TimeSpan.FromMilliseconds(args.Int("--latency-ms", 300));
        var rates = args.Ints("--rates", [200, 500, 1000, 2000]);
        var stepSeconds = args.Int("--step-seconds", 10);
        if (rate <= 0 || seconds <= 0 || groups <= 0 || runs <= 0 || stepSeconds <= 0 || rates.Any(r => r <= 0))
        {
            throw new ArgumentException("Rates, durations, groups and runs must be positive.");
        }

        // Answers are awaited on the pool: start it wide enough that its slow growth does not delay them.
        ThreadPool.SetMinThreads(64, 64);
        var payloads = AlertBurst.Create(groups).Wave(1).Select(d => Encoding.UTF8.GetBytes(d.Json)).ToList();
        Console.WriteLine(Invariant($"intake: {groups} alert groups repeated round-robin, GitHub latency {latency.TotalMilliseconds} ms, {runs} runs, each load on a fresh app process"));

        var atRate = new List<LoadResult>();
        var sustained = new List<double>();
        var peakRss = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (result, rss, backlog) = await LoadFreshAppAsync(payloads, latency, rate, TimeSpan.FromSeconds(seconds));
            atRate.Add(result);
            Console.WriteLine(Invariant($"run {run} latency   {result}  peak RSS {rss:F0} MB  backlog {backlog}"));

            var best = 0;
            foreach (var step in rates)
            {
                var (stepResult, stepRss, stepBacklog) = await LoadFreshAppAsync(payloads, latency, step, TimeSpan.FromSeconds(stepSeconds));
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

        var p99 = Stats.Median(atRate.Select(r => r.P99Ms));
        var maxRate = Stats.Median(sustained);
        var rssMedian = Stats.Median(peakRss);
        Console.WriteLine(Invariant($"median at {rate}/s: p50 {Stats.Median(atRate.Select(r => r.P50Ms)):F1} ms, p99 {p99:F1} ms, max {Stats.Median(atRate.Select(r => r.MaxMs)):F1} ms, non-2xx {Stats.Median(atRate.Select(r => (double)r.Failed)):F0} of {atRate[0].Sent}"));
        Console.WriteLine(Invariant($"goal p99 <= {LatencyGoalMs} ms at 200/s:            p99 / goal = {p99 / LatencyGoalMs:F2}{(rate == 200 ? string.Empty : $" (measured at {rate}/s)")}"));
        Console.WriteLine(Invariant($"goal >= {SustainedGoalPerSecond}/s with p99 <= {SustainedP99LimitMs} ms:      sustained {maxRate:F0}/s, sustained / goal = {maxRate / SustainedGoalPerSecond:F2} (highest of {string.Join(", ", rates)}/s held for {stepSeconds} s)"));
        Console.WriteLine(Invariant($"goal peak RSS <= {RssGoalMegabytes} MB:                 {rssMedian:F0} MB, RSS / goal = {rssMedian / RssGoalMegabytes:F2}"));
    }

    /// <summary>
    /// One load on a freshly started app: first each group once, spread over a second and unmeasured (the JIT, the issues
    /// created), then the open-loop load. Returns its figures, the app's peak RSS and the deliveries it still had to
    /// process when the last answer came (how far the inbox fell behind).
    /// </summary>
    private static async Task<(LoadResult Result, double PeakRssMegabytes, int Backlog)> LoadFreshAppAsync(
        IReadOnlyList<byte[]> payloads, TimeSpan latency, int rate, TimeSpan duration)
    {
        await using var github = await BenchGitHub.StartAsync(latency);
        await using var app = await BenchAppProcess.StartAsync(github);
        await OpenLoopLoad.RunAsync(app.BaseUrl, BenchGitHub.AlertmanagerPath, payloads, rate: payloads.Count, TimeSpan.FromSeconds(1));
        var result = await OpenLoopLoad.RunAsync(app.BaseUrl, BenchGitHub.AlertmanagerPath, payloads, rate, duration);
        return (result, app.PeakRssMegabytes(), await app.PendingAsync());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
