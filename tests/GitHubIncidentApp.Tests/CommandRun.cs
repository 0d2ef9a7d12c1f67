using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>The app started as a user starts it, in a directory of the test's choice, run until it exits.</summary>
public static class CommandRun
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    /// <summary><c>dotnet run --project app/GitHubIncidentApp -- ARGS</c> typed in <paramref name="workingDirectory"/> (built already, as the tests are).</summary>
    public static Task<(int Exit, string Output)> DotnetRunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--project", Metadata("AppProject"), "-c", Metadata("Configuration"), "--no-build", "--", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        var lines = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Keep(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(lines, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return WaitAsync(process, lines);
    }

    /// <summary><c>dotnet GitHubIncidentApp.dll ARGS</c> with <paramref name="settings"/> as its environment, in <paramref name="workingDirectory"/>.</summary>
    public static Task<(int Exit, string Output)> DllAsync(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var lines = new ConcurrentQueue<string>();
        return WaitAsync(AppProcessLaunch.Start(settings, workingDirectory, line => Keep(lines, line), args), lines);
    }

    private static async Task<(int Exit, string Output)> WaitAsync(Process process, ConcurrentQueue<string> lines)
    {
        using (process)
        {
            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The app did not exit within {ExitTimeout.TotalSeconds:F0}s. Its output:\n{string.Join('\n', lines)}");
            }

            return (process.ExitCode, string.Join('\n', lines));
        }
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private static string Metadata(string key) =>
        typeof(CommandRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}
