using System.Diagnostics;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>What one run of the Action's program left behind.</summary>
public sealed record ActionResult(int ExitCode, string Stdout, string Stderr, string Outputs, string Summary);

/// <summary>
/// Runs the built Action program (<c>dotnet GitHubIncidentApp.Action.dll</c>) as the runner would: in a
/// clean environment holding only the runner's variables and the step's inputs, with its own temporary
/// event, output and summary files and workspace.
/// </summary>
public sealed class ActionProcess : IDisposable
{
    public const string Owner = "operate-first";
    public const string Name = "incidents";
    public const string Token = "ghs_workflow_token";

    private readonly string _dir = Directory.CreateTempSubdirectory("incident-action-").FullName;

    public string EventPath => Path.Combine(_dir, "event.json");

    /// <summary>The checked-out repository, as <c>GITHUB_WORKSPACE</c> names it; empty until a test writes into it.</summary>
    public string Workspace => Directory.CreateDirectory(Path.Combine(_dir, "workspace")).FullName;

    /// <summary>Writes a file into <see cref="Workspace"/> at its path in the repository.</summary>
    public void SetWorkspaceFile(string repoPath, string content)
    {
        var path = Path.Combine(Workspace, repoPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <param name="inputs">Inputs by their action.yml name; the token input defaults to <see cref="Token"/>.</param>
    public async Task<ActionResult> RunAsync(FakeGitHubServer github, string eventName, string? eventJson, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var outputPath = Path.Combine(_dir, "output.txt");
        var summaryPath = Path.Combine(_dir, "summary.md");
        File.WriteAllText(outputPath, "");
        File.WriteAllText(summaryPath, "");
        if (eventJson is not null)
        {
            File.WriteAllText(EventPath, eventJson);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        start.ArgumentList.Add(RepoPaths.ActionDll);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("INPUT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GITHUB_EVENT_NAME"] = eventName;
        start.Environment["GITHUB_EVENT_PATH"] = EventPath;
        start.Environment["GITHUB_REPOSITORY"] = $"{Owner}/{Name}";
        start.Environment["GITHUB_API_URL"] = github.BaseUrl.AbsoluteUri;
        start.Environment["GITHUB_SERVER_URL"] = "https://github.example.com";
        start.Environment["GITHUB_OUTPUT"] = outputPath;
        start.Environment["GITHUB_STEP_SUMMARY"] = summaryPath;
        start.Environment["GITHUB_WORKSPACE"] = Workspace;
        start.Environment[ActionInputs.VariableName(ActionInputs.Token)] = Token;
        foreach (var (name, value) in inputs ?? new Dictionary<string, string>())
        {
            start.Environment[ActionInputs.VariableName(name)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ActionResult(process.ExitCode, await stdout, await stderr, File.ReadAllText(outputPath), File.ReadAllText(summaryPath));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
