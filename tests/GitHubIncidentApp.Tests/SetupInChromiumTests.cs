using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Playwright;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The setup flow as a person goes through it: headless Chromium (Debian's, so no browser download) opens /setup,
/// presses the button, and the fake GitHub sends it back to the app, which shows the install link. Loopback only.
/// </summary>
public sealed class SetupInChromiumTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private FakeGitHubServer _github = null!;
    private SetupApp _app = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddInstallation("operate-first", 1001);
        _app = await SetupApp.StartAsync(_github);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task Pressing_the_button_registers_the_App_and_shows_where_to_install_it()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does)");
        using var playwright = await Playwright.CreateAsync();
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(_app.BaseUrl, _app.SetupPath).AbsoluteUri);
        await page.ClickAsync("#register");
        // Waits for the commit only, then for the heading: under load Playwright has missed the callback page's
        // "load" event (the app restarts right after answering), and the wait for it ran out in CI.
        await page.WaitForURLAsync(url => url.StartsWith($"{_app.BaseUrl}setup/callback?code=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The GitHub App is registered");
        Assert.Equal($"{_github.BaseUrl}apps/{FakeGitHubServer.AppSlug}/installations/new", await page.GetAttributeAsync("#install", "href"));
        Assert.Equal("Incident App", _github.RegisteredManifest!["name"]!.GetValue<string>());
        await _app.WaitForModeAsync(AppMode.LiveName);
    }
}
