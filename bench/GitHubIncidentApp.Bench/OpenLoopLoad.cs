using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// Sends requests at fixed times (t0 + i/rate) whatever the earlier answers, as Alertmanager and a storm do, and
/// counts each latency from the request's scheduled time: a server that stalls cannot slow the sender down and so
/// hide its stall (coordinated omission).
/// </summary>
internal static class OpenLoopLoad
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Posts <paramref name="payloads"/> round-robin to <paramref name="path"/> at <paramref name="rate"/> a second for <paramref name="duration"/>.</summary>
    public static Task<LoadResult> RunAsync(Uri baseUrl, string path, IReadOnlyList<byte[]> payloads, int rate, TimeSpan duration) =>
        RunAsync(baseUrl, path, payloads, rate, (int)(rate * duration.TotalSeconds));

    /// <summary>Posts <paramref name="count"/> requests, <paramref name="payloads"/> round-robin, to <paramref name="path"/> at <paramref name="rate"/> a second.</summary>
    public static async Task<LoadResult> RunAsync(Uri baseUrl, string path, IReadOnlyList<byte[]> payloads, int rate, int count)
    {
        // Every request in flight needs a connection of its own (HTTP/1.1): enough for a long stall at a high rate.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096 };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchAppProcess.Token);
        var target = new Uri(path, UriKind.Relative);

        var latencies = new double[count];
        var lags = new double[count];
        var failures = new ConcurrentDictionary<string, int>();
        var sends = new Task[count];
        var start = Stopwatch.GetTimestamp();

        // A thread of its own, not the pool's: the schedule must not wait for the answers' continuations.
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)((double)i * Stopwatch.Frequency / rate);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                lags[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                sends[i] = SendAsync(i, due);
            }
        }) { IsBackground = true, Name = "open-loop scheduler" };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        await Task.WhenAll(sends);

        Array.Sort(latencies);
        Array.Sort(lags);
        return new LoadResult(
            rate, count, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies[^1], failures.Values.Sum(),
            string.Join(", ", failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}")),
            Stats.Percentile(lags, 99), lags[^1]);

        async Task SendAsync(int i, long due)
        {
            try
            {
                using var content = new ByteArrayContent(payloads[i % payloads.Count]);
                content.Headers.ContentType = Json;
                using var response = await client.PostAsync(target, content);
                if (!response.IsSuccessStatusCode)
                {
                    failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.AddOrUpdate(e is TaskCanceledException ? "timeout" : "connection", 1, (_, n) => n + 1);
            }

            latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        }
    }
}
