using System.Diagnostics;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>examples/relay/relay.py running under python3 on a free loopback port, stopped on dispose; its log goes to stderr.</summary>
public sealed class RelayProcess : IDisposable
{
    private readonly Process _process;

    private RelayProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="environment">The relay's settings (GITHUB_REPOSITORY, GITHUB_TOKEN, RELAY_TOKEN, ...); LISTEN is set here.</param>
    public static async Task<RelayProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "examples", "relay", "relay.py"));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("RELAY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["LISTEN"] = "127.0.0.1:0";
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        var url = line?.Split(' ').FirstOrDefault(word => word.StartsWith("http://", StringComparison.Ordinal))?.TrimEnd(',');
        if (url is null)
        {
            process.Kill();
            throw new InvalidOperationException($"The relay did not start (its error is in the test output): {line}");
        }

        return new RelayProcess(process, new Uri(url + "/"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
