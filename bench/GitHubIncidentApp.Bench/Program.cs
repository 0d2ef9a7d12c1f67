using GitHubIncidentApp.Bench;

// dotnet run -c Release --project bench/GitHubIncidentApp.Bench -- intake [--rate 200 --seconds 20 --groups 50
//     --runs 3 --latency-ms 300 --rates 200,500,1000,2000 --step-seconds 10]
//   open-loop acknowledgement latency, highest sustained rate and peak RSS of the app process (IntakeBench).
// dotnet run -c Release --project bench/GitHubIncidentApp.Bench -- [--groups 60 --runs 5 --latency-ms 50]
//   the burst benchmark of parallel workers (BurstBench).
var options = new BenchArgs(args);
if (args.FirstOrDefault() == "intake")
{
    await IntakeBench.RunAsync(options);
}
else
{
    await BurstBench.RunAsync(options);
}
