using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>Starts the built app as a process of its own (<c>dotnet GitHubIncidentApp.dll</c>): for the crash tests and the benchmark.</summary>
public static class AppProcessLaunch
{
    // Settings the app reads that a developer's environment may hold; the caller sets its own or none.
    private static readonly string[] InheritedSettings =
        ["PRIVATE_KEY_PATH", "GITHUB_TOKEN", "GHE_HOST", "DEFAULT_REPO", "WEBHOOK_PATH", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT"];

    /// <summary>The app's dll as the build copies it next to a project that references the app.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "GitHubIncidentApp.dll");

    /// <summary>Starts <see cref="Dll"/> with <paramref name="settings"/> as its environment; every line it writes goes to <paramref name="keep"/>.</summary>
    /// <param name="dataDir">Also the content root, so that no stray .env is read.</param>
    /// <param name="args">The app's command line after the dll.</param>
    public static Process Start(IReadOnlyDictionary<string, string?> settings, string dataDir, Action<string> keep, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDir,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedSettings)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Keep(string? line)
        {
            if (line is not null)
            {
                keep(line);
            }
        }
    }

    /// <summary>Waits until <c>/healthz</c> answers 200 through <paramref name="client"/>; <paramref name="output"/> goes into the error.</summary>
    public static async Task WaitUntilHealthyAsync(Process process, HttpClient client, TimeSpan timeout, Func<string> output)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before it was healthy. Its output:\n{output()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer /healthz within {timeout.TotalSeconds:F0}s. Its output:\n{output()}");
            }

            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
