using System.Globalization;
using GitHubIncidentApp.Bench;

// How much parallel inbox workers gain on a burst of new incidents, with GitHub answering after a fixed
// latency. Figures: medians of the runs, and the ratio to one worker. Stays under GitHub's 80 creations a
// minute (60 groups by default), so pacing does not enter into it.
var groups = Option("--groups", 60);
var runs = Option("--runs", 5);
var latency = TimeSpan.FromMilliseconds(Option("--latency-ms", 50));
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

    var median = Median(results.Select(r => r.Seconds));
    single ??= median;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"workers={workers,-2} median {median,6:F2} s  {groups / median,6:F1} incidents/s  x{single.Value / median:F2} vs 1 worker  {Median(results.Select(r => r.CallsPerGroup)):F1} GitHub calls per incident"));
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
