using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Bench;

/// <summary>The built app in a process of its own on a fresh SQLite data directory, against a fake GitHub.</summary>
internal sealed class BenchAppProcess : IAsyncDisposable
{
    public const string Token = "bench-token";
    private const int OutputLinesKept = 50;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _dataDir;

    private BenchAppProcess(Process process, ConcurrentQueue<string> output, string dataDir, Uri baseUrl)
    {
        _process = process;
        _output = output;
        _dataDir = dataDir;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The last lines the app wrote (warnings and errors at the benchmark's log level).</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<BenchAppProcess> StartAsync(FakeGitHubServer github)
    {
        var dataDir = Directory.CreateTempSubdirectory("incident-app-bench-").FullName;
        var port = AppProcessLaunch.FreePort();
        var output = new ConcurrentQueue<string>();
        var process = AppProcessLaunch.Start(AppSettingsForFake.Of(github, dataDir, Token, Token, port), dataDir, line => Keep(output, line));
        var app = new BenchAppProcess(process, output, dataDir, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            using var client = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
            await AppProcessLaunch.WaitUntilHealthyAsync(process, client, StartTimeout, () => app.Output);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Deliveries stored but not processed yet, from <c>/healthz</c>.</summary>
    public async Task<int> PendingAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var health = JsonNode.Parse(await client.GetStringAsync(new Uri("healthz", UriKind.Relative)))!;
        return (int)health["pending"]!;
    }

    /// <summary>The process's peak resident set so far (the kernel's high-water mark, VmHWM), in MB.</summary>
    public double PeakRssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void Keep(ConcurrentQueue<string> output, string line)
    {
        output.Enqueue(line);
        if (output.Count > OutputLinesKept)
        {
            output.TryDequeue(out _);
        }
    }
}
