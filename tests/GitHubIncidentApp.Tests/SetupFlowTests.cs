using System.Net;
using System.Text;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Probot's setup flow against the fake GitHub: started with no credentials, the app registers its GitHub App from
/// app.yml, stores the credentials under DATA_DIR for its user only, and runs as the App without a restart by hand.
/// </summary>
public sealed class SetupFlowTests : IAsyncLifetime
{
    private FakeGitHubServer _github = null!;
    private SetupApp _app = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddInstallation("operate-first", 1001);
        _github.Repo("operate-first", "incidents");
        _app = await SetupApp.StartAsync(_github);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task The_setup_page_posts_app_yml_with_this_apps_urls_to_GitHub()
    {
        var (action, manifest) = SetupApp.FormOf(await _app.Client.GetStringAsync(_app.SetupPath));

        Assert.Equal(new Uri(_github.BaseUrl, "settings/apps/new").AbsoluteUri, action.GetLeftPart(UriPartial.Path));
        Assert.Matches("^\\?state=[0-9a-f]{32}$", action.Query);
        Assert.Equal("Incident App", manifest["name"]!.GetValue<string>());
        Assert.Equal($"{_app.BaseUrl}api/github/webhooks", manifest["hook_attributes"]!["url"]!.GetValue<string>());
        Assert.Equal($"{_app.BaseUrl}setup/callback", manifest["redirect_url"]!.GetValue<string>());
        Assert.False(manifest["public"]!.GetValue<bool>());
        Assert.Equal("write", manifest["default_permissions"]!["issues"]!.GetValue<string>());
        Assert.Contains("issue_comment", manifest["default_events"]!.AsArray().Select(e => e!.GetValue<string>()));

        var (orgAction, _) = SetupApp.FormOf(await _app.Client.GetStringAsync(_app.SetupPath + "&org=operate-first"));
        Assert.Equal(new Uri(_github.BaseUrl, "organizations/operate-first/settings/apps/new").AbsoluteUri, orgAction.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_manifest_takes_the_address_the_proxy_forwards()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _app.SetupPath);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "incidents.example.org");
        using var response = await _app.Client.SendAsync(request);

        var (_, manifest) = SetupApp.FormOf(await response.Content.ReadAsStringAsync());

        Assert.Equal("https://incidents.example.org/api/github/webhooks", manifest["hook_attributes"]!["url"]!.GetValue<string>());
        Assert.Equal("https://incidents.example.org/setup/callback", manifest["redirect_url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://api.github.com/", "https://github.com/")]
    [InlineData("https://github.example.com/api/v3/", "https://github.example.com/")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    public void The_manifest_goes_to_GitHubs_web_side_of_the_API_in_use(string api, string web) =>
        Assert.Equal(new Uri(web), AppManifest.WebUrl(new Uri(api)));

    [Theory]
    [InlineData("/setup")]
    [InlineData("/setup?key=0123456789abcdef0123456789abcdef")]
    public async Task The_setup_page_opens_only_with_the_key_the_app_printed(string path)
    {
        using var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("name=\"manifest\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_setup_the_app_takes_no_alerts_but_answers_503_for_Alertmanager_to_retry()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alertmanager/operate-first/incidents") { Content = new StringContent(Payloads.Group("Early"), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", RunningApp.AlertmanagerToken);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("/setup", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_GitHub_sends_the_browser_back_the_app_stores_the_credentials_and_runs_as_the_App()
    {
        var (action, manifest) = SetupApp.FormOf(await _app.Client.GetStringAsync(_app.SetupPath));

        using var created = await _app.Client.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("manifest", manifest.ToJsonString())]));
        var page = await created.Content.ReadAsStringAsync();

        Assert.True(created.StatusCode == HttpStatusCode.OK, page);
        Assert.Contains($"href=\"{_github.BaseUrl}apps/{FakeGitHubServer.AppSlug}/installations/new\"", page, StringComparison.Ordinal);
        var stored = Path.Combine(_app.DataDir, AppRegistration.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        }

        var variables = AppRegistration.Read(_app.DataDir);
        Assert.Equal(_github.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), variables["APP_ID"]);
        Assert.Equal(_github.ManifestWebhookSecret, variables["WEBHOOK_SECRET"]);

        await _app.WaitForModeAsync(AppMode.LiveName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alertmanager/operate-first/incidents") { Content = new StringContent(Payloads.Group("AfterSetup"), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", RunningApp.AlertmanagerToken);
        using var delivered = await _app.Client.SendAsync(request);
        Assert.True(delivered.IsSuccessStatusCode, await delivered.Content.ReadAsStringAsync());

        var issue = await WaitForIssueAsync();
        Assert.Equal(FakeGitHubServer.BotLogin, issue.Author);
        Assert.Contains("AfterSetup", issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_with_a_state_this_app_did_not_issue_is_refused_without_asking_GitHub()
    {
        using var forged = await _app.Client.GetAsync("/setup/callback?code=abc&state=0123456789abcdef0123456789abcdef");
        using var missing = await _app.Client.GetAsync("/setup/callback?code=abc");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Start the setup again from the link the app printed", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_github.Requests, r => r.Path.StartsWith("/app-manifests/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_GitHub_does_not_know_gets_an_error_page_and_its_state_is_spent()
    {
        var (action, _) = SetupApp.FormOf(await _app.Client.GetStringAsync(_app.SetupPath));
        var callback = $"/setup/callback?code=unknown{action.Query.Replace('?', '&')}";

        using var first = await _app.Client.GetAsync(callback);
        using var again = await _app.Client.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Contains("GitHub answered 404", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False(File.Exists(Path.Combine(_app.DataDir, AppRegistration.FileName)));
    }

    private async Task<FakeIssue> WaitForIssueAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_github.Repo("operate-first", "incidents").Issues is [var issue, ..])
            {
                return issue;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No issue was opened; GitHub saw: {string.Join("; ", _github.Requests)}");
    }
}
