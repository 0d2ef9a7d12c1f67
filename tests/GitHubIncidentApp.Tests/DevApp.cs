using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary>The app as the README's first command starts it (<c>--dev</c>, nothing else set), on a loopback port and a fresh data directory.</summary>
public sealed class DevApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DevApp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<DevApp> StartAsync()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["DATA_DIR"] = Directory.CreateTempSubdirectory("incident-app-test-").FullName,
            ["HOST"] = "127.0.0.1",
            ["PORT"] = "0",
            ["LOG_LEVEL"] = "warn",
            // Nothing else set, even where the environment holds a token (which would choose token mode).
            ["GITHUB_TOKEN"] = null,
        };
        var app = IncidentApp.Build([AppSettings.DevFlag], TextWriter.Null, overrides)!;
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevApp(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
