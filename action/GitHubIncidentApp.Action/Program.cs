using GitHubIncidentApp.Action;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await ActionRunner.RunAsync(Environment.GetEnvironmentVariable, Console.Out, TimeProvider.System, cancellation.Token);
