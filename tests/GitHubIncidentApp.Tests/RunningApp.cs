using System.Net.Http.Headers;
using System.Text;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>The real app on a free loopback port, configured against a fake GitHub server.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string AlertmanagerToken = "test-alertmanager-token";
    public const string WebhookSecret = "test-webhook-secret";

    /// <summary>How far <see cref="DrainAsync"/> moves the clock at a time: long backoffs pass in a few steps, and a JWT (nine minutes) outlives many.</summary>
    private static readonly TimeSpan DrainStep = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private RunningApp(WebApplication app, Uri baseUrl, string dataDir)
    {
        _app = app;
        BaseUrl = baseUrl;
        DataDir = dataDir;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AlertmanagerToken);
    }

    public Uri BaseUrl { get; }
    public string DataDir { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="dataDir">Reuse one to restart on the same database; null makes a fresh one.</param>
    /// <param name="time">A clock for the app instead of the system's.</param>
    /// <param name="services">More changes to the app's services (a log capture, say).</param>
    /// <param name="args">The app's command line (<c>--dev</c>, say); none unless given.</param>
    public static async Task<RunningApp> StartAsync(
        FakeGitHubServer github, string? dataDir = null, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null,
        string[]? args = null)
    {
        dataDir ??= Directory.CreateTempSubdirectory("incident-app-test-").FullName;
        var values = AppSettingsForFake.Of(github, dataDir, WebhookSecret, AlertmanagerToken);
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var errors = new StringWriter();
        var app = IncidentApp.Build(args ?? [], errors, values, collection =>
            {
                if (time is not null)
                {
                    collection.AddSingleton(time);
                }

                services?.Invoke(collection);
            })
            ?? throw new InvalidOperationException($"The app refused its settings:\n{errors}");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address.TrimEnd('/') + "/"), dataDir);
    }

    public Task<HttpResponseMessage> PostAlertsAsync(string json, string path = "api/alertmanager/operate-first/incidents") =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Posts and waits until the app has processed everything it has taken in.</summary>
    public async Task DeliverAsync(string json, string path = "api/alertmanager/operate-first/incidents")
    {
        using var response = await PostAlertsAsync(json, path);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await WaitUntilIdleAsync();
    }

    public async Task WaitUntilIdleAsync(TimeSpan? timeout = null)
    {
        var inbox = Services.GetRequiredService<IInbox>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if ((await inbox.GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Pending == 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        var stats = await inbox.GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        throw new TimeoutException($"The inbox still holds {stats.Pending} pending deliveries ({stats.Failed} failed).");
    }

    /// <summary>
    /// Moves <paramref name="clock"/> on in small steps until everything taken in is processed: retries wait on
    /// the app's clock, and each step wakes the worker instead of leaving it to its once-a-second poll.
    /// </summary>
    /// <param name="step">How far to move the clock at a time; <see cref="DrainStep"/> unless given.</param>
    public async Task DrainAsync(FakeTimeProvider clock, TimeSpan? step = null, TimeSpan? timeout = null)
    {
        var inbox = Services.GetRequiredService<IInbox>();
        var signal = Services.GetRequiredService<InboxSignal>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while ((await inbox.GetStatsAsync(clock.GetUtcNow(), CancellationToken.None)) is { Pending: > 0 } stats)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"After moving the clock to {clock.GetUtcNow():u}, the inbox still holds {stats.Pending} pending deliveries ({stats.Failed} failed).");
            }

            clock.Advance(step ?? DrainStep);
            signal.Wake();
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
