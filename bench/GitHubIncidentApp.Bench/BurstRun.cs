using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.Bursts;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Bench;

/// <summary>One burst through the real app against a fake GitHub that answers after a fixed latency.</summary>
internal static class BurstRun
{
    private const string Token = "bench-token";

    /// <returns>Seconds from the first delivery posted to the last one applied, and GitHub calls per group.</returns>
    public static async Task<(double Seconds, double CallsPerGroup)> RunAsync(int groups, int workers, TimeSpan latency)
    {
        await using var github = await BenchGitHub.StartAsync(latency);

        var dataDir = Directory.CreateTempSubdirectory("incident-app-bench-").FullName;
        var settings = AppSettingsForFake.Of(github, dataDir, Token, Token);
        settings["WORKERS"] = workers.ToString(CultureInfo.InvariantCulture);
        var app = IncidentApp.Build([], Console.Error, settings, services => services.AddLogging(logging => logging.ClearProviders())) ?? throw new InvalidOperationException("The app refused the benchmark's settings.");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

            var clock = Stopwatch.StartNew();
            foreach (var delivery in AlertBurst.Create(groups).Wave(1))
            {
                using var response = await client.PostAsync(
                    BenchGitHub.AlertmanagerPath, new StringContent(delivery.Json, Encoding.UTF8, "application/json"));
                response.EnsureSuccessStatusCode();
            }

            var inbox = app.Services.GetRequiredService<IInbox>();
            while ((await inbox.GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Pending > 0)
            {
                await Task.Delay(5);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var issues = github.Repo(BenchGitHub.Owner, BenchGitHub.Repo).Issues.Count;
            if (issues != groups)
            {
                throw new InvalidOperationException($"{issues} issues for {groups} groups: the run is wrong, not slow.");
            }

            return (seconds, (double)github.Requests.Count / groups);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
