using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>
/// The real Prometheus Alertmanager as a child process on a free 127.0.0.1 port, with one webhook receiver,
/// for end-to-end tests of our Alertmanager endpoint. HA gossip is off, state lives in a temp dir deleted on dispose.
/// </summary>
/// <remarks>
/// What Debian's Alertmanager 0.25.0 does, checked by experiment:
/// <list type="bullet">
/// <item>Each notification is a POST with <c>Authorization: Bearer &lt;token&gt;</c>, <c>User-Agent: Alertmanager/0.25.0</c>,
/// <c>Content-Type: application/json</c>; the body has version "4".</item>
/// <item>A new group is notified group_wait after its first alert. Later changes go out on the next group_interval tick
/// (ticks run from the group's first flush), so a resolved alert is notified at most group_interval after
/// <see cref="ResolveAsync"/>. Unchanged groups are not re-sent before repeat_interval.</item>
/// <item>Firing alerts arrive with endsAt "0001-01-01T00:00:00Z", whatever endsAt was posted.</item>
/// <item>max_alerts caps the list and counts the rest in truncatedAlerts (3 alerts, max_alerts 2: 2 listed, truncatedAlerts 1).</item>
/// <item>A resolved alert is sent once, beside the still-firing ones (group status stays "firing");
/// the group turns "resolved" when all its alerts are.</item>
/// <item>A 5xx answer is retried with backoff within the flush. A 4xx is not retried ("unrecoverable error"),
/// but the notification goes out again at the next group_interval tick since it was never recorded as sent.</item>
/// </list>
/// </remarks>
public sealed partial class AlertmanagerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FiringLifetime = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    private readonly string directory;
    private readonly Process process;
    private readonly HttpClient http;
    private readonly StringBuilder log = new();
    private readonly ConcurrentDictionary<string, PostableAlert> fired = new();
    private bool processStarted;

    private AlertmanagerProcess(string binary, string config)
    {
        directory = Directory.CreateTempSubdirectory("alertmanager-").FullName;
        var configPath = Path.Combine(directory, "alertmanager.yml");
        File.WriteAllText(configPath, config);

        var address = $"127.0.0.1:{FreeLoopbackPort()}";
        BaseUrl = new Uri($"http://{address}/");
        http = new HttpClient { BaseAddress = BaseUrl };

        var startInfo = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={configPath}",
            $"--storage.path={Path.Combine(directory, "data")}",
            $"--web.listen-address={address}",
            // Otherwise externalURL in payloads is derived from the machine's host name.
            $"--web.external-url={BaseUrl}",
            // Empty disables HA gossip, which would otherwise bind 0.0.0.0:9094.
            "--cluster.listen-address=",
            // Debug shows each flush and notification attempt, which explains a missing webhook in a failure message.
            "--log.level=debug",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
    }

    public Uri BaseUrl { get; }

    /// <summary>Everything Alertmanager wrote to stdout and stderr so far; put it in assertion messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts Alertmanager with a single receiver that posts to <paramref name="webhookUrl"/>, and waits until it is ready.</summary>
    public static async Task<AlertmanagerProcess> StartAsync(
        Uri webhookUrl, string bearerToken, AlertmanagerOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentException.ThrowIfNullOrEmpty(bearerToken);
        var binary = AlertmanagerBinary.Locate();
        var config = AlertmanagerConfig.Render(webhookUrl, bearerToken, options ?? new AlertmanagerOptions());

        // The probed port can be taken before Alertmanager binds it; one more try on a new port covers that race.
        for (var attempt = 1; ; attempt++)
        {
            var alertmanager = new AlertmanagerProcess(binary, config);
            var ready = false;
            try
            {
                ready = await alertmanager.RunUntilReadyAsync(ct).ConfigureAwait(false);
                if (ready)
                {
                    return alertmanager;
                }

                if (attempt > 1 || !alertmanager.Log.Contains("address already in use", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Alertmanager ({binary}) exited with code {alertmanager.process.ExitCode} before it was ready. " +
                        $"Its configuration:\n{config}\nIts log:\n{alertmanager.Log}");
                }
            }
            finally
            {
                if (!ready)
                {
                    await alertmanager.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Posts a firing alert as Prometheus does: startsAt now, endsAt an hour ahead so it does not resolve on its own.</summary>
    public Task FireAsync(
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string>? annotations = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var now = TimeProvider.System.GetUtcNow();
        var alert = new PostableAlert { Labels = labels, Annotations = annotations ?? NoAnnotations, StartsAt = now, EndsAt = now + FiringLifetime };
        fired[KeyOf(labels)] = alert;
        return PostAsync(alert, ct);
    }

    /// <summary>
    /// Posts the alert again with endsAt now, so it is resolved. Like Prometheus, it repeats the startsAt and
    /// annotations it fired with (Alertmanager keeps the newest annotations, so omitting them would blank them).
    /// </summary>
    public Task ResolveAsync(IReadOnlyDictionary<string, string> labels, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var now = TimeProvider.System.GetUtcNow();
        var alert = fired.TryRemove(KeyOf(labels), out var firing)
            ? firing with { EndsAt = now }
            : new PostableAlert { Labels = labels, Annotations = NoAnnotations, StartsAt = now, EndsAt = now };
        return PostAsync(alert, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (processStarted)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
        http.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    /// <returns>True once <c>/-/ready</c> answers 200; false if the process exited first.</returns>
    private async Task<bool> RunUntilReadyAsync(CancellationToken ct)
    {
        process.Start();
        processStarted = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadinessTimeout);
        try
        {
            while (!process.HasExited)
            {
                if (await IsReadyAsync(timeout.Token).ConfigureAwait(false))
                {
                    return true;
                }

                await Task.Delay(ReadinessPollInterval, timeout.Token).ConfigureAwait(false);
            }

            // Also waits for the redirected output to drain, so the log is complete.
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Alertmanager did not answer {BaseUrl}-/ready within {ReadinessTimeout.TotalSeconds:0} s. Its log:\n{Log}");
        }
    }

    private async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("-/ready", UriKind.Relative), ct).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet.
        }
    }

    private async Task PostAsync(PostableAlert alert, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/v2/alerts", new[] { alert }, Json, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new HttpRequestException(
                $"Alertmanager refused the alert {JsonSerializer.Serialize(alert, Json)} with {(int)response.StatusCode}: {body}",
                inner: null,
                response.StatusCode);
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    // Alertmanager identifies an alert by its label set, whatever the order of the labels.
    private static string KeyOf(IReadOnlyDictionary<string, string> labels) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(labels.ToDictionary(), StringComparer.Ordinal));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
