using GitHubIncidentApp.Core.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Runs one hostile request against a fresh app with its whole log captured, then checks that nothing
/// else was harmed: no unexpected write reached GitHub, nothing crashed or was parked, and ordinary
/// deliveries on both endpoints still work.
/// </summary>
public abstract partial class HostileTestBase : AppTestBase
{
    protected HostileLog Log { get; } = new();

    protected override Task<RunningApp> StartAppAsync() => RunningApp.StartAsync(GitHub, services: Log.AddTo);

    protected async Task RunAsync(HostileCase hostile)
    {
        var before = GitHub.Requests.Count;
        var refusedBefore = Refused();
        var answer = await hostile.Send(this);

        Assert.True(hostile.Status == answer.Status, $"{hostile.Name}: expected {(int)hostile.Status}, got {(int)answer.Status}: {answer.Body}");
        if (hostile.Says is not null)
        {
            Assert.Contains(hostile.Says, answer.Text, StringComparison.Ordinal);
        }

        Assert.Equal(refusedBefore + ((int)answer.Status >= 400 ? 1 : 0), Refused());

        await App.WaitUntilIdleAsync();
        if (hostile.Check is not null)
        {
            await hostile.Check(this);
        }

        if (hostile.Writes is not null)
        {
            Assert.Equal(hostile.Writes.Order(), WritesSince(before).Order());
        }

        await AssertUnharmedAsync();
    }

    /// <summary>Deliveries the app counted as refused, for every sender and reason.</summary>
    private long Refused()
    {
        var metrics = App.Services.GetRequiredService<MetricsRegistry>();
        return new[] { MetricsRegistry.AlertmanagerSource, MetricsRegistry.GitHubSource }
            .SelectMany(source => MetricsReason.All.Select(reason => metrics.DeliveriesRefused.Get(source, reason)))
            .Sum();
    }

    /// <summary>The writes the app made to GitHub since request <paramref name="index"/>, as <c>POST /issues/{n}/comments</c>; labels it creates for itself left out.</summary>
    protected IEnumerable<string> WritesSince(int index) => GitHub.Requests.Skip(index)
        .Where(r => r.Method != "GET" && !r.Path.StartsWith("/app/", StringComparison.Ordinal))
        .Select(r => $"{r.Method} {Number().Replace(RepoPrefix().Replace(r.Path, ""), "{n}")}")
        .Where(write => write != "POST /labels");

    private async Task AssertUnharmedAsync()
    {
        Assert.Empty(Log.Failures);
        Assert.Equal(0, (await App.Services.GetRequiredService<IInbox>().GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Failed);

        var issues = Repo.Issues.Count;
        var (status, body, _) = await SendAsync(AlertmanagerRequest(Alerts(root => root["groupLabels"]!["alertname"] = "StillWorks")));
        Assert.True(status == HttpStatusCode.Accepted, $"an ordinary Alertmanager delivery afterwards got {(int)status}: {body}");
        await App.WaitUntilIdleAsync();
        Assert.Equal(issues + 1, Repo.Issues.Count);

        var ping = Fixtures.Bytes("github/ping.event.json");
        var (pong, pongBody, _) = await SendAsync(WebhookRequest("ping", ping, Webhooks.Sign(ping), $"after-{Guid.NewGuid():N}"));
        Assert.True(pong == HttpStatusCode.OK, $"a signed ping afterwards got {(int)pong}: {pongBody}");
        Assert.Empty(Log.Failures);
    }

    public async Task<HostileAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var client = new HttpClient { BaseAddress = App.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await client.SendAsync(request);
            return HostileAnswer.Of(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static HttpRequestMessage AlertmanagerRequest(
        string json, string? authorization = "Bearer " + RunningApp.AlertmanagerToken, string? contentType = "application/json", string path = "api/alertmanager/operate-first/incidents") =>
        AlertmanagerRequest(Encoding.UTF8.GetBytes(json), authorization, contentType, path);

    public static HttpRequestMessage AlertmanagerRequest(
        byte[] body, string? authorization = "Bearer " + RunningApp.AlertmanagerToken, string? contentType = "application/json", string path = "api/alertmanager/operate-first/incidents")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    public static HttpRequestMessage WebhookRequest(string eventName, byte[] body, string? signature, string deliveryId, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Webhooks.DefaultPath) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return request;
    }

    /// <summary>The recorded firing group, changed by <paramref name="edit"/>.</summary>
    public static string Alerts(Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(Fixtures.Alertmanager("firing-critical"))!;
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>
    /// Starts a 10 MB body over a raw socket (declared, or chunked with no length) but sends only its first
    /// 6 MB, then reads the answer: an app that buffered the whole body before answering would never answer.
    /// </summary>
    public async Task<HostileAnswer> SendHugeBodyAsync(string path, string headers, bool chunked)
    {
        const int declared = 10 * 1024 * 1024;
        const int sent = 6 * 1024 * 1024;
        using var socket = new TcpClient();
        await socket.ConnectAsync(App.BaseUrl.Host, App.BaseUrl.Port);
        var stream = socket.GetStream();
        var head = $"POST /{path} HTTP/1.1\r\nHost: {App.BaseUrl.Authority}\r\nContent-Type: application/json\r\n{headers}"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {declared}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // The app may stop reading at any point: send in the background, read the answer meanwhile.
        using var stop = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            var framing = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
            for (var total = 0; total < sent; total += chunk.Length)
            {
                if (chunked)
                {
                    await stream.WriteAsync(framing, stop.Token);
                }

                await stream.WriteAsync(chunk, stop.Token);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), stop.Token);
                }
            }
        });

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var chunkedAnswer = false;
        var length = 0;
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            chunkedAnswer |= line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..], CultureInfo.InvariantCulture);
            }
        }

        if (chunkedAnswer)
        {
            // The app's JSON answers are small: the first chunk holds all of it.
            length = int.Parse((await reader.ReadLineAsync())!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        var body = new char[length];
        await reader.ReadBlockAsync(body);
        await stop.CancelAsync();
        await Task.WhenAny(sending);
        return HostileAnswer.Of((HttpStatusCode)int.Parse(statusLine!.Split(' ')[1], CultureInfo.InvariantCulture), new string(body));
    }

    [GeneratedRegex("^/repos/[^/]+/[^/]+")]
    private static partial Regex RepoPrefix();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
