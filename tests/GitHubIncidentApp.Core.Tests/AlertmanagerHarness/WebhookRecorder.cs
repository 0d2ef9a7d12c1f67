using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Tests.AlertmanagerHarness;

/// <summary>A Kestrel endpoint on 127.0.0.1 that keeps every webhook Alertmanager posts to it.</summary>
internal sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<RecordedWebhook> received = Channel.CreateUnbounded<RecordedWebhook>();

    private WebhookRecorder(WebApplication app)
    {
        this.app = app;
        app.MapPost("/alertmanager", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            received.Writer.TryWrite(new RecordedWebhook
            {
                Authorization = request.Headers.Authorization.ToString(),
                UserAgent = request.Headers.UserAgent.ToString(),
                ContentType = request.ContentType ?? "",
                Body = body.RootElement.Clone(),
            });
            return Results.Ok();
        });
    }

    // Once started, Urls holds the port Kestrel actually bound for "127.0.0.1:0".
    public Uri Url => new(new Uri(app.Urls.Single()), "/alertmanager");

    public static async Task<WebhookRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var recorder = new WebhookRecorder(builder.Build());
        await recorder.app.StartAsync();
        return recorder;
    }

    /// <summary>The next webhook, or a failure naming what was awaited when none arrives in time.</summary>
    public async Task<RecordedWebhook> NextAsync(TimeSpan timeout, Func<string> describeFailure)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook arrived within {timeout.TotalSeconds:0} s. {describeFailure()}");
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

internal sealed record RecordedWebhook
{
    public required string Authorization { get; init; }

    public required string UserAgent { get; init; }

    public required string ContentType { get; init; }

    public required JsonElement Body { get; init; }
}
