using System.Globalization;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// How much parallel inbox workers gain on a burst of new incidents, with GitHub answering after a fixed
/// latency. Figures: medians of the runs, and the ratio to one worker. Stays under GitHub's 80 creations a
/// minute (60 groups by default), so pacing does not enter into it.
/// </summary>
internal static class BurstBench
{
    public static async Task RunAsync(BenchArgs args)
    {
        var groups = args.Int("--groups", 60);
        var runs = args.Int("--runs", 5);
        var latency = TimeSpan.FromMilliseconds(args.Int("--latency-ms", 50));
        int[] workerCounts = [1, 2, 4, 8];

        Console.WriteLine($"burst of {groups} new incidents, GitHub latency {latency.TotalMilliseconds} ms, median of {runs} runs");
        await BurstRun.RunAsync(groups: 5, workers: 1, latency); // warm-up: JIT, first connections
        double? single = null;
        foreach (var workers in workerCounts)
        {
            var results = new List<(double Seconds, double CallsPerGroup)>();
            for (var run = 0; run < runs; run++)
            {
                results.Add(await BurstRun.RunAsync(groups, workers, latency));
            }

            var median = Stats.Median(results.Select(r => r.Seconds));
            single ??= median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workers={workers,-2} median {median,6:F2} s  {groups / median,6:F1} incidents/s  x{single.Value / median:F2} vs 1 worker  {Stats.Median(results.Select(r => r.CallsPerGroup)):F1} GitHub calls per incident"));
        }
    }
}
