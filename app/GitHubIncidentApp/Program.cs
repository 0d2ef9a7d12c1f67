using GitHubIncidentApp;
using GitHubIncidentApp.Core.Storage;

// Command-line verbs for people who write the config; without one, the app runs.
var verb = args switch
{
    ["render", .. var rest] => RenderCommand.RunAsync(rest, Console.Out, Console.Error),
    ["validate", .. var rest] => ValidateCommand.RunAsync(rest, Console.Out, Console.Error),
    ["oncall", .. var rest] => OnCallCommand.RunAsync(rest, Console.Out, Console.Error),
    ["schedule", .. var rest] => ScheduleCommand.RunAsync(rest, Console.Out, Console.Error),
    _ => null,
};
if (verb is not null)
{
    return await verb;
}

var app = IncidentApp.Build(args, Console.Error);
if (app is null)
{
    return 2;
}

try
{
    await app.RunAsync();
    return 0;
}
catch (StorageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
