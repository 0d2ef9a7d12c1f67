using GitHubIncidentApp.Bench;

// `intake [options]`: open-loop intake latency, sustained rate and peak RSS of the app process (IntakeBench).
// Anything else: the burst benchmark of parallel workers (BurstBench), as before.
var options = new BenchArgs(args);
if (args.FirstOrDefault() == "intake")
{
    await IntakeBench.RunAsync(options);
}
else
{
    await BurstBench.RunAsync(options);
}
