using GitHubIncidentApp;
using GitHubIncidentApp.Core.Storage;
using Microsoft.AspNetCore.Connections;

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
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    // Taken between the check in Build and the server's bind.
    Console.Error.WriteLine($"error: {PortCheck.InUse(app.Services.GetRequiredService<AppSettings>())}");
    return AppCommandLine.ExitUsage;
}
