using GitHubIncidentApp;
using GitHubIncidentApp.Core.Storage;

if (args is ["render", .. var renderArgs])
{
    return await RenderCommand.RunAsync(renderArgs, Console.Out, Console.Error);
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
