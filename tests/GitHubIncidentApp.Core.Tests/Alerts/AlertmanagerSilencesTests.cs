using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.Tests.AlertmanagerHarness;
using GitHubIncidentApp.Testing.Alertmanager;

namespace GitHubIncidentApp.Core.Tests.Alerts;

/// <summary>The silences client against the real Alertmanager (Debian's 0.25.0), and how each failure reads.</summary>
public sealed class AlertmanagerSilencesTests
{
    private const string Token = "test-token";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Created_silence_holds_the_matchers_author_and_comment_and_expires()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        await using var alertmanager = await AlertmanagerProcess.StartAsync(recorder.Url, Token);
        using var http = new HttpClient();
        var silences = new AlertmanagerSilences(http, alertmanager.BaseUrl);
        var now = DateTimeOffset.UtcNow;

        var id = await silences.CreateAsync(Request(now, "alertname=\"DiskFull\", namespace=~\"prod-.*\", pod!=\"a\", zone!~\"eu.*\""), CancellationToken.None);

        var held = Assert.Single(await alertmanager.GetSilencesAsync());
        Assert.Equal(id, held.Id);
        Assert.Equal("active", held.Status.State);
        Assert.Equal(
            [new("alertname", "DiskFull", false, true), new("namespace", "prod-.*", true, true), new("pod", "a", false, false), new("zone", "eu.*", true, false)],
            held.Matchers.OrderBy(m => m.Name, StringComparer.Ordinal).ToList());
        Assert.Equal("octocat", held.CreatedBy);
        Assert.Equal("https://github.com/o/r/issues/1", held.Comment);
        Assert.InRange(held.EndsAt, now.AddHours(1).AddSeconds(-1), now.AddHours(1).AddSeconds(1));
        Assert.Equal($"{alertmanager.BaseUrl.AbsoluteUri.TrimEnd('/')}/#/silences/{id}", silences.LinkTo(id));

        var read = await silences.GetAsync(id, CancellationToken.None);
        Assert.Equal("active", read!.State);
        Assert.Equal(["alertname=\"DiskFull\"", "namespace=~\"prod-.*\"", "pod!=\"a\"", "zone!~\"eu.*\""], read.Matchers.Select(m => m.ToString()).Order(StringComparer.Ordinal));

        Assert.True(await silences.ExpireAsync(id, CancellationToken.None));
        Assert.Equal("expired", Assert.Single(await alertmanager.GetSilencesAsync()).Status.State);
        Assert.False(await silences.ExpireAsync(id, CancellationToken.None));
        Assert.False(await silences.ExpireAsync(Guid.NewGuid().ToString(), CancellationToken.None));
        Assert.Null(await silences.GetAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task A_silenced_group_is_not_notified_while_another_is()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        await using var alertmanager = await AlertmanagerProcess.StartAsync(recorder.Url, Token);
        using var http = new HttpClient();
        await new AlertmanagerSilences(http, alertmanager.BaseUrl).CreateAsync(Request(DateTimeOffset.UtcNow, "alertname=\"DiskFull\", namespace=\"prod\""), CancellationToken.None);

        await alertmanager.FireAsync(new Dictionary<string, string> { ["alertname"] = "DiskFull", ["namespace"] = "prod" });
        await alertmanager.FireAsync(new Dictionary<string, string> { ["alertname"] = "DiskFull", ["namespace"] = "staging" });

        var webhook = await recorder.NextAsync(DeliveryTimeout, () => alertmanager.Log);
        Assert.Equal("staging", webhook.Body.GetProperty("groupLabels").GetProperty("namespace").GetString());
        await Assert.ThrowsAnyAsync<Exception>(() => recorder.NextAsync(TimeSpan.FromSeconds(4), () => "no second webhook, as expected"));
    }

    [Fact]
    public async Task Refusals_and_strangers_say_what_is_wrong()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        await using var alertmanager = await AlertmanagerProcess.StartAsync(recorder.Url, Token);
        using var http = new HttpClient();
        var now = DateTimeOffset.UtcNow;

        // Alertmanager takes no silence that ends before it starts.
        var refused = await Assert.ThrowsAsync<AlertmanagerSilenceException>(() => new AlertmanagerSilences(http, alertmanager.BaseUrl)
            .CreateAsync(Request(now, "alertname=\"x\"") with { EndsAt = now.AddHours(-1) }, CancellationToken.None));
        Assert.StartsWith($"Alertmanager did not create the silence at POST {alertmanager.BaseUrl}api/v2/silences: it refused the silence (", refused.Message, StringComparison.Ordinal);

        var stranger = new Uri(recorder.Url, "/");
        var notFound = await Assert.ThrowsAsync<AlertmanagerSilenceException>(() => new AlertmanagerSilences(http, stranger).CreateAsync(Request(now, "a=\"b\""), CancellationToken.None));
        Assert.Contains("it answered 404 NotFound", notFound.Message, StringComparison.Ordinal);
        Assert.Contains("check the URL (the Alertmanager base URL, without /api/v2)", notFound.Message, StringComparison.Ordinal);

        var closed = new Uri($"http://127.0.0.1:{FreePort()}/");
        var unreachable = await Assert.ThrowsAsync<AlertmanagerUnavailableException>(() => new AlertmanagerSilences(http, closed).ExpireAsync("some-id", CancellationToken.None));
        Assert.StartsWith($"Could not read the silence from Alertmanager at GET {closed}api/v2/silence/some-id: there was no answer (", unreachable.Message, StringComparison.Ordinal);
        Assert.EndsWith("check that the URL is right and that Alertmanager is reachable from where this runs (for the Action: a self-hosted runner inside the cluster).", unreachable.Message, StringComparison.Ordinal);
    }

    private static SilenceRequest Request(DateTimeOffset now, string matchers) => new()
    {
        Matchers = MatcherSet.Parse(matchers).Value!.Matchers,
        StartsAt = now,
        EndsAt = now.AddHours(1),
        CreatedBy = "octocat",
        Comment = "https://github.com/o/r/issues/1",
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
