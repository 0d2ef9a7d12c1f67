using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Bench;

/// <summary>The built app in a process of its own on a <see cref="BenchStorage"/>, against a fake GitHub.</summary>
internal sealed class BenchAppProcess : IAsyncDisposable
{
    public const string Token = "bench-token";
    private const int OutputLinesKept = 50;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private BenchAppProcess(Process process, ConcurrentQueue<string> output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The last lines the app wrote (warnings and errors at the benchmark's log level).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app and returns once <c>/healthz</c> answers.</summary>
    /// <param name="extraSettings">Settings on top of those that point the app at <paramref name="github"/> and <paramref name="storage"/>.</param>
    public static async Task<BenchAppProcess> StartAsync(
        FakeGitHubServer github, BenchStorage storage, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var port = AppProcessLaunch.FreePort();
        var settings = AppSettingsForFake.Of(github, storage.DataDir, Token, Token, port);
        settings["DATABASE_URL"] = storage.DatabaseUrl;
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = AppProcessLaunch.Start(settings, storage.DataDir, line => Keep(output, line));
        var app = new BenchAppProcess(process, output, new Uri($"http://127.0.0.1:{port}/"));
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

    /// <summary>Posts each of <paramref name="payloads"/> once, open loop at <paramref name="rate"/> a second; throws unless the app accepted all.</summary>
    public async Task PostEachAsync(IReadOnlyList<byte[]> payloads, int rate)
    {
        var result = await OpenLoopLoad.RunAsync(BaseUrl, BenchGitHub.AlertmanagerPath, payloads, rate, payloads.Count);
        if (result.Failed > 0)
        {
            throw new InvalidOperationException($"The app refused {result.Failed} of {payloads.Count} deliveries ({result.FailureKinds}). Its output:\n{Output}");
        }
    }

    /// <summary>Deliveries stored but not processed yet, from <c>/healthz</c>.</summary>
    public async Task<int> PendingAsync() => (await InboxAsync()).Pending;

    /// <summary>Deliveries stored but not processed yet, and those parked as failed, from <c>/healthz</c>.</summary>
    public async Task<(int Pending, int Failed)> InboxAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var health = JsonNode.Parse(await client.GetStringAsync(new Uri("healthz", UriKind.Relative)))!;
        return ((int)health["pending"]!, (int)health["failed"]!);
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
