using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The status page as a person sees it on a phone: headless Chromium (Debian's), 390 px wide, JavaScript off, against the app
/// and the fake GitHub on loopback. Keeps a screenshot beside the test assembly, in <c>TestResults/status-page.png</c>.
/// </summary>
public sealed class StatusPageInChromiumTests : AppTestBase
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 22, 10, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.IsPublic = true;
        Repo.SetFile(".github/incidents.yml", StatusPageTests.Config);
        StatusPageTests.SeedIncidents(Repo, _clock.GetUtcNow());
        return RunningApp.StartAsync(GitHub, time: Clock);
    }

    [Fact]
    public async Task On_a_phone_without_JavaScript_the_page_shows_the_incidents_who_is_on_call_and_the_timeline()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does)");
        using var playwright = await Playwright.CreateAsync();
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => refused.Add(message.Text);

        // The commit only, then assertions that wait: a load wait has run out on loaded CI machines.
        await page.GotoAsync(new Uri(App.BaseUrl, "status/operate-first/incidents").AbsoluteUri, new() { WaitUntil = WaitUntilState.Commit });

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Status of operate-first/incidents");
        var incidents = page.Locator(".incident");
        await Assertions.Expect(incidents).ToHaveCountAsync(2);
        await Assertions.Expect(incidents.Nth(0)).ToContainTextAsync("critical");
        await Assertions.Expect(incidents.Nth(0)).ToContainTextAsync("JupyterHub is down");
        await Assertions.Expect(incidents.Nth(0)).ToContainTextAsync("not acknowledged");
        await Assertions.Expect(incidents.Nth(1)).ToContainTextAsync("warning");
        await Assertions.Expect(incidents.Nth(1)).ToContainTextAsync("Disk almost full");
        await Assertions.Expect(incidents.Nth(1)).ToContainTextAsync("acknowledged by @carol");
        await Assertions.Expect(page.Locator("#oncall .now")).ToHaveTextAsync("On call now: @bob");
        await Assertions.Expect(page.Locator("#timeline .days > li")).ToHaveCountAsync(30);
        await Assertions.Expect(page.Locator("#timeline .days i")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#timeline .days i").First).ToBeVisibleAsync();
        // The stylesheet applied: the policy allowed it by its hash (a wrong hash leaves the page unstyled).
        await Assertions.Expect(page.Locator(".unack")).ToHaveCSSAsync("color", "rgb(182, 2, 5)");
        await Assertions.Expect(page.Locator("#timeline .days")).ToHaveCSSAsync("display", "grid");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {widths[0]} px of content in a {widths[1]} px wide window");
        Assert.DoesNotContain(refused, text => text.Contains("Content Security Policy", StringComparison.Ordinal));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "status-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0);
    }
}
