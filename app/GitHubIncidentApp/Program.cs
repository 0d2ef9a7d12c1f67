using GitHubIncidentApp;

// A verb or --help ends here; without one, the app runs.
if (await AppCommandLine.RunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

return await IncidentApp.RunAsync(args, Console.Error);
