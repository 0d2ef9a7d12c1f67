using System.Text.Json;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

public sealed class DryRunTests
{
    [Fact]
    public async Task With_DRY_RUN_and_no_app_credentials_the_app_processes_deliveries_and_calls_no_github()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var app = await RunningApp.StartAsync(github, settings: new Dictionary<string, string?> { ["APP_ID"] = "", ["PRIVATE_KEY"] = "", ["DRY_RUN"] = "true" });

        await app.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await app.DeliverAsync(Fixtures.Alertmanager("resolved"));

        var health = JsonDocument.Parse(await app.Client.GetStringAsync("healthz")).RootElement;
        Assert.True(health.GetProperty("dryRun").GetBoolean());
        Assert.Equal("dry-run", health.GetProperty("mode").GetString());
        var stats = await app.Services.GetRequiredService<IInbox>().GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(0, stats.Failed);
        Assert.Empty(github.Requests);
    }
}
