using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The built app run as a process of its own (<c>dotnet GitHubIncidentApp.dll</c>) against a fake GitHub, so a
/// test can kill it outright (SIGKILL: no graceful stop, nothing flushed) and start another on the same data directory.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private AppProcess(Process process, ConcurrentQueue<string> output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningApp.AlertmanagerToken);
    }

    public HttpClient Client { get; }

    /// <summary>What the process wrote (JSON log lines, errors), for a failure's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app on a free loopback port and waits until <c>/healthz</c> answers.</summary>
    public static async Task<AppProcess> StartAsync(FakeGitHubServer github, string dataDir)
    {
        var port = AppProcessLaunch.FreePort();
        var output = new ConcurrentQueue<string>();
        var settings = AppSettingsForFake.Of(github, dataDir, RunningApp.WebhookSecret, RunningApp.AlertmanagerToken, port);
        var process = AppProcessLaunch.Start(settings, dataDir, output.Enqueue);
        var app = new AppProcess(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await AppProcessLaunch.WaitUntilHealthyAsync(process, app.Client, StartTimeout, () => app.Output);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async Task PostAlertsAsync(string json, string path = "api/alertmanager/operate-first/incidents")
    {
        using var response = await Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Deliveries not processed yet (claimed ones included) and those parked as failed, from <c>/healthz</c>.</summary>
    public async Task<(int Pending, int Failed)> InboxAsync()
    {
        var health = JsonNode.Parse(await Client.GetStringAsync("healthz"))!;
        return ((int)health["pending"]!, (int)health["failed"]!);
    }

    /// <summary>Waits (in real time) until the inbox is empty.</summary>
    public async Task WaitUntilIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await InboxAsync()).Pending > 0)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"The app still holds {(await InboxAsync()).Pending} pending deliveries after {timeout.TotalSeconds:F0}s. Its output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would end it: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
