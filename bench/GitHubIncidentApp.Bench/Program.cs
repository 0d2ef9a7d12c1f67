using GitHubIncidentApp.Bench;

// Issue 12's benchmark, every scenario against the built app in a process of its own and a fake GitHub that answers
// after --latency-ms; each figure is the median of --runs runs, printed at the end against its goal:
// dotnet run -c Release --project bench/GitHubIncidentApp.Bench -- all [--runs 3 --latency-ms 300 --storage sqlite|postgres]
//   intake   [--rate 200 --seconds 20 --groups 50 --rates 200,500,1000,2000 --step-seconds 10 --warmup-seconds 10]
//            open-loop acknowledgement latency, highest sustained rate and peak RSS (IntakeBench).
//   drain    [--incidents 1000 --repeats 100000]  a backlog of unchanged repeats worked off after a restart (DrainBench).
//   recovery [--recovery-groups 50 --outage-seconds 60 --outage 503|cut]  new groups through a GitHub outage (RecoveryBench).
//   pace     [--pace-groups 200]  new groups at once, storms off, against GitHub's content limits (PaceBench).
//   storm    [--storm-groups 100 --storm-seconds 10]  new groups become one storm issue (StormBench).
// Each scenario also runs alone: `-- drain --incidents 50 --repeats 5000`, and takes the shared options.
// dotnet run -c Release --project bench/GitHubIncidentApp.Bench -- [burst] [--groups 60 --runs 5 --latency-ms 50]
//   the burst benchmark of parallel workers, in-process (BurstBench).
var options = new BenchArgs(args);
var verb = args.FirstOrDefault();
if (verb is null or "burst" || verb.StartsWith("--", StringComparison.Ordinal))
{
    await BurstBench.RunAsync(options);
    return;
}

// In the order `all` runs them.
(string Name, Func<BenchSetup, BenchArgs, Task<IReadOnlyList<GoalRow>>> Run)[] scenarios =
[
    ("intake", IntakeBench.RunAsync),
    ("drain", DrainBench.RunAsync),
    ("recovery", RecoveryBench.RunAsync),
    ("pace", PaceBench.RunAsync),
    ("storm", StormBench.RunAsync),
];
if (verb != "all" && !scenarios.Any(s => s.Name == verb))
{
    throw new ArgumentException($"No benchmark is called '{verb}': name one of all, {string.Join(", ", scenarios.Select(s => s.Name))} or burst.");
}

using var setup = BenchSetup.From(options);
var rows = new List<GoalRow>();
foreach (var (name, run) in scenarios.Where(s => verb == "all" || s.Name == verb))
{
    try
    {
        rows.AddRange(await run(setup, options));
    }
    catch (Exception e) when (e is TimeoutException or InvalidOperationException)
    {
        // A run that went wrong says why; the other scenarios still give their figures.
        Console.Error.WriteLine($"{name} failed: {e.Message}");
        Environment.ExitCode = 1;
    }
}

GoalTable.Print(rows, setup.Runs);
