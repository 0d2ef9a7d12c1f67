using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary><c>/livez</c>, <c>/readyz</c> and the mode in <c>/healthz</c> and <c>/metrics</c>.</summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_dev_app_is_live_and_ready_and_says_it_dry_runs()
    {
        await using var app = await DevApp.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseUrl };

        using var live = await client.GetAsync("livez");
        var (readyStatus, ready) = await GetAsync(client, "readyz");
        var health = JsonDocument.Parse(await client.GetStringAsync("healthz")).RootElement;
        var metrics = await client.GetStringAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("dry-run", health.GetProperty("mode").GetString());
        Assert.Contains("incident_app_mode{mode=\"dry-run\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_that_takes_no_write_within_2_s_is_not_ready_while_the_app_stays_live()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var app = await RunningApp.StartAsync(github);
        var path = app.Services.GetRequiredService<SqliteDatabase>().FilePath;

        // Another process's exclusive lock: every write waits, as on a stalled disk.
        await using (var blocker = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var command = blocker.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();

            var (status, answer) = await GetAsync(app.Client, "readyz");
            using var live = await app.Client.GetAsync("livez");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("not ready", answer.GetProperty("status").GetString());
            Assert.StartsWith($"storage: a write to {path} did not finish within 2 s", answer.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await WaitForAsync(app.Client, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Credentials_that_GitHub_refuses_make_the_app_not_ready()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var otherKey = RSA.Create(2048).ExportRSAPrivateKeyPem();
        await using var app = await RunningApp.StartAsync(github, settings: new Dictionary<string, string?> { ["PRIVATE_KEY"] = otherKey });
        var (before, _) = await GetAsync(app.Client, "readyz");

        using var posted = await app.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"));
        var answer = await WaitForAsync(app.Client, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.StartsWith("github: GitHub refused the app's credentials (401)", answer.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("live", answer.GetProperty("mode").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Asks <c>/readyz</c> until it answers <paramref name="wanted"/> (in real time: it waits on a real lock or a real server).</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (status, body) = await GetAsync(client, "readyz");
            if (status == wanted)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/readyz still answers {(int)status} {body} after {Patience.TotalSeconds:F0} s");
            await Task.Delay(100);
        }
    }
}
