using System.Diagnostics;
using GitHubIncidentApp.Testing.FakeGitHub;
using static System.FormattableString;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// Drain of a coalescible backlog: the app opens one incident per group, stops; unchanged repeats of the groups'
/// openings (byte for byte) are written straight into its inbox; the app restarted on that backlog must work it off
/// without calling GitHub. Measured from the restarted app's first healthy answer to an empty backlog.
/// </summary>
internal static class DrainBench
{
    private const double DrainGoalSeconds = 60;
    private const double RssGoalMegabytes = 100;

    // Seeding is not measured: it opens the incidents past GitHub's content limits (1,000 at 80 a minute and 500 an
    // hour take over an hour), with more workers.
    private static readonly Dictionary<string, string> SeedSettings = new()
    {
        ["CONTENT_PER_MINUTE"] = "100000",
        ["CONTENT_PER_HOUR"] = "1000000",
        ["WORKERS"] = "16",
    };

    public static async Task<IReadOnlyList<GoalRow>> RunAsync(BenchSetup setup, BenchArgs args)
    {
        var incidents = args.Positive("--incidents", 1000);
        var repeats = args.Positive("--repeats", 100_000);
        Console.WriteLine(Invariant($"drain: {repeats:N0} unchanged repeats of {incidents:N0} open incidents, {setup.StorageName}, GitHub latency {setup.Latency.TotalMilliseconds} ms, {setup.Runs} runs"));

        var results = new List<DrainResult>();
        for (var run = 1; run <= setup.Runs; run++)
        {
            var result = await RunOnceAsync(setup, incidents, repeats);
            results.Add(result);
            Console.WriteLine(Invariant($"run {run} drained in {result.Seconds:F2} s (app ready {result.StartSeconds:F2} s after launch; backlog written in {result.WriteSeconds:F1} s)  GitHub requests {result.GitHubRequests}{(result.GitHubRequests > 0 ? $" ({result.Routes})" : string.Empty)}  failed {result.Failed}  peak RSS {result.PeakRssMegabytes:F0} MB"));
        }

        var scale = Invariant($"{repeats:N0} repeats, {incidents:N0} incidents");
        return
        [
            GoalRow.Of("drain", $"backlog drained ({scale})", results.Select(r => r.Seconds), "s", DrainGoalSeconds, GoalKind.AtMost),
            GoalRow.Of("drain", "GitHub requests while draining", results.Select(r => (double)r.GitHubRequests), "requests", 0, GoalKind.AtMost),
            GoalRow.Of("drain", "peak RSS while draining", results.Select(r => r.PeakRssMegabytes), "MB", RssGoalMegabytes, GoalKind.AtMost),
        ];
    }

    private static async Task<DrainResult> RunOnceAsync(BenchSetup setup, int incidents, int repeats)
    {
        using var storage = await setup.NewStorageAsync();
        await using var github = await BenchGitHub.StartAsync(setup.Latency);
        var payloads = AlertPayloads.Opening(incidents);
        await SeedAsync(github, storage, payloads);

        var write = Stopwatch.StartNew();
        await storage.EnqueueAsync(RepeatBacklog.Of(payloads, repeats, DateTimeOffset.UtcNow));
        var writeSeconds = write.Elapsed.TotalSeconds;

        github.ClearRequests();
        var launch = Stopwatch.StartNew();
        await using var app = await BenchAppProcess.StartAsync(github, storage);
        var startSeconds = launch.Elapsed.TotalSeconds;
        var drain = Stopwatch.StartNew();
        var pending = repeats;
        await Poll.UntilAsync(
            async () => (pending = await app.PendingAsync()) == 0,
            TimeSpan.FromMinutes(10),
            () => Invariant($"{pending:N0} of {repeats:N0} repeats still wait. The app's output:\n{app.Output}"));
        var seconds = drain.Elapsed.TotalSeconds;

        var (_, failed) = await app.InboxAsync();
        if (BenchGitHub.IssueCount(github) != incidents)
        {
            throw new InvalidOperationException($"{BenchGitHub.IssueCount(github)} issues for {incidents} incidents after the drain: the run is wrong, not slow.");
        }

        var requests = github.Requests;
        return new DrainResult(seconds, startSeconds, writeSeconds, requests.Count, BenchGitHub.Routes(requests), failed, app.PeakRssMegabytes());
    }

    /// <summary>Opens one incident per payload with GitHub answering at once, and stops the app once all are open and its inbox is empty.</summary>
    private static async Task SeedAsync(FakeGitHubServer github, BenchStorage storage, IReadOnlyList<byte[]> payloads)
    {
        var latency = github.DisruptWith;
        github.DisruptWith = null;
        await using (var app = await BenchAppProcess.StartAsync(github, storage, SeedSettings))
        {
            await app.PostEachAsync(payloads, rate: 200);
            await Poll.UntilAsync(
                async () => BenchGitHub.IssueCount(github) == payloads.Count && await app.PendingAsync() == 0,
                TimeSpan.FromSeconds(60 + (payloads.Count * 0.2)),
                () => Invariant($"only {BenchGitHub.IssueCount(github)} of {payloads.Count} incidents were opened on the fake GitHub while seeding. An app without the CONTENT_PER_MINUTE and CONTENT_PER_HOUR settings opens 80 a minute and 500 an hour: pass --incidents 80 or fewer to it. The app's output:\n{app.Output}"));
        }

        github.DisruptWith = latency;
    }

    private sealed record DrainResult(
        double Seconds, double StartSeconds, double WriteSeconds, int GitHubRequests, string Routes, int Failed, double PeakRssMegabytes);
}
