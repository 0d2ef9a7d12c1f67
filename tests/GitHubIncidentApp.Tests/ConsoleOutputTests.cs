using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>What a person sees at the terminal: the built app run as a process of its own.</summary>
public sealed class ConsoleOutputTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("incident-console-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_port_and_the_setting()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exit, output) = await CommandRun.DllAsync(_dir.FullName, Settings(port), AppSettings.DevFlag);

        Assert.Equal(2, exit);
        Assert.Equal($"error: port {port} on 127.0.0.1 is already in use by another process: stop that process, or set PORT to a free port", output);
    }

    [Fact]
    public async Task Dev_mode_logs_readable_lines_with_scopes_as_fields_and_the_start_of_a_dry_run_issue()
    {
        var port = AppProcessLaunch.FreePort();
        var lines = new ConcurrentQueue<string>();
        using var process = AppProcessLaunch.Start(Settings(port), _dir.FullName, lines.Enqueue, AppSettings.DevFlag);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await AppProcessLaunch.WaitUntilHealthyAsync(process, client, Patience, () => string.Join('\n', lines));
            using var posted = await client.PostAsync("api/alertmanager/my-org/incidents", new StringContent(Fixtures.Alertmanager("firing-critical"), Encoding.UTF8, "application/json"));
            var deadline = DateTime.UtcNow + Patience;
            while (!lines.Any(line => line.Contains("would create issue", StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"No dry-run create was logged. The output:\n{string.Join('\n', lines)}");
                await Task.Delay(50);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var create = lines.Single(line => line.Contains("would create issue", StringComparison.Ordinal));
        Assert.Contains(" info: GitHubIncidentApp.Core.GitHub.DryRunGitHubPort[", create, StringComparison.Ordinal);
        Assert.Matches(@"=> DeliveryId=[0-9a-f]+ Repo=my-org/incidents => IncidentKey=[0-9a-f]+ dry-run: ", create);
        Assert.Contains("labels=[incident, severity/critical], assignees=[], body (", create, StringComparison.Ordinal);
        Assert.Contains("chars): ## 🔥 JupyterHub is down ⏎ **Status:** FIRING", create, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("Hosting environment: Development", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith('{') || line.Contains("System.Collections.Generic", StringComparison.Ordinal) || line.Contains("Production", StringComparison.Ordinal));
    }

    private Dictionary<string, string?> Settings(int port) => new()
    {
        ["HOST"] = "127.0.0.1",
        ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["DATA_DIR"] = _dir.FullName,
    };
}
