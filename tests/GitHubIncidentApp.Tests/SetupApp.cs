using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The app started as a new user starts it before registering the App (no credentials of any kind), through its run
/// loop (<see cref="IncidentApp.RunAsync"/>), on a fixed loopback port so it comes back there after setup.
/// </summary>
public sealed partial class SetupApp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _errors = new();
    private readonly Task<int> _run;

    private SetupApp(FakeGitHubServer github)
    {
        DataDir = Directory.CreateTempSubdirectory("incident-app-setup-").FullName;
        var port = AppProcessLaunch.FreePort();
        var settings = AppSettingsForFake.Of(github, DataDir, RunningApp.WebhookSecret, RunningApp.AlertmanagerToken, port);
        // Removed, so the registration the flow stores is what the app reads next; the token stays masked, as a
        // GITHUB_TOKEN exported in the shell that runs the tests must not turn the app to token mode.
        foreach (var credential in new[] { "APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET" })
        {
            settings.Remove(credential);
        }

        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _run = Task.Run(() => IncidentApp.RunAsync([], _errors, settings, _stop.Token));
    }

    public Uri BaseUrl { get; }
    public string DataDir { get; }

    /// <summary>The setup page with the key the app printed at start.</summary>
    public string SetupPath => "/setup?key=" + Assert.Single(SetupKey().Matches(_errors.ToString())).Groups[1].Value;

    /// <summary>Follows redirects, as a browser does (to the fake GitHub and back).</summary>
    public HttpClient Client { get; }

    public static async Task<SetupApp> StartAsync(FakeGitHubServer github)
    {
        var app = new SetupApp(github);
        await app.WaitForModeAsync(AppMode.SetupName);
        return app;
    }

    /// <summary>Waits until the app answers in <paramref name="mode"/>: <c>/healthz</c> names it (503 in setup).</summary>
    public async Task WaitForModeAsync(string mode)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_run.IsCompleted, $"The app stopped: {_errors}");
            try
            {
                using var response = await Client.GetAsync(new Uri(BaseUrl, "healthz")).ConfigureAwait(false);
                last = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                // Not listening: starting, or stopping to start again as the App.
                last = ex.Message;
            }

            if (JsonNode.Parse(last.StartsWith('{') ? last : "{}")?["mode"]?.GetValue<string>() == mode)
            {
                return;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"The app did not come up in mode {mode}; last /healthz: {last}; errors: {_errors}");
    }

    /// <summary>The setup page's form: where it posts and the manifest it posts.</summary>
    public static (Uri Action, JsonObject Manifest) FormOf(string html)
    {
        var action = FormAction().Match(html);
        var manifest = ManifestField().Match(html);
        Assert.True(action.Success && manifest.Success, $"No manifest form in:\n{html}");
        return (new Uri(WebUtility.HtmlDecode(action.Groups[1].Value)), (JsonObject)JsonNode.Parse(WebUtility.HtmlDecode(manifest.Groups[1].Value))!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        Client.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex("/setup\\?key=([0-9a-f]{32}) ")]
    private static partial Regex SetupKey();

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="manifest" value="([^"]+)">""")]
    private static partial Regex ManifestField();
}
