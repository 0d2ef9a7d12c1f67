using GitHubIncidentApp;
using GitHubIncidentApp.Core.Storage;

// A verb or --help ends here; without one, the app runs.
if (await AppCommandLine.RunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var app = IncidentApp.Build(args, Console.Error);
if (app is null)
{
    return AppCommandLine.ExitUsage;
}

try
{
    await app.RunAsync();
    return AppCommandLine.ExitOk;
}
catch (StorageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return AppCommandLine.ExitUsage;
}
