using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.Alertmanager;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>/silence</c> and <c>/unsilence</c> through the running app, against the fake GitHub and the real Alertmanager,
/// which delivers to the app and holds the silences; the app's clock is the test's, started at the real time.
/// </summary>
public sealed class SilenceTests : AppTestBase
{
    private static readonly Dictionary<string, string> Hub1 = new()
    {
        ["alertname"] = "JupyterHubDown",
        ["namespace"] = "opf-jupyterhub",
        ["severity"] = "critical",
        ["instance"] = "hub-1:8081",
    };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private AlertmanagerProcess _alertmanager = null!;
    private int _deliveries;

    protected override TimeProvider Clock => _clock;

    private FakeIssue Incident => Repo.Issues.First();

    private List<FakeComment> Replies => Incident.Comments.Where(c => c.Author == FakeGitHubServer.BotLogin).ToList();

    /// <summary>Alertmanager first, delivering to the port the app is then started on with its URL.</summary>
    protected override async Task<RunningApp> StartAppAsync()
    {
        Repo.SetRole("alice", "triage");
        Repo.SetRole("rita", "read");
        var port = FreePort();
        _alertmanager = await AlertmanagerProcess.StartAsync(new Uri($"http://127.0.0.1:{port}/api/alertmanager/operate-first/incidents"), RunningApp.AlertmanagerToken);
        return await RunningApp.StartAsync(GitHub, time: Clock, settings: new Dictionary<string, string?>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["ALERTMANAGER_URL"] = _alertmanager.BaseUrl.AbsoluteUri,
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _alertmanager.FireAsync(Hub1);
        await WaitForAsync(() => Repo.Issues.SingleOrDefault(), "the incident issue to open");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _alertmanager.DisposeAsync();
    }

    [Fact]
    public async Task Silence_mutes_the_group_in_Alertmanager_until_unsilenced()
    {
        await CommentAsync("alice", "/silence 1h");

        var silence = Assert.Single(await _alertmanager.GetSilencesAsync());
        Assert.Equal("active", silence.Status.State);
        Assert.Equal([new("alertname", "JupyterHubDown", false, true), new("namespace", "opf-jupyterhub", false, true)], silence.Matchers.OrderBy(m => m.Name, StringComparer.Ordinal));
        Assert.Equal("alice", silence.CreatedBy);
        Assert.Equal(IssueUrlInWebhook(), silence.Comment);
        Assert.Contains($"({_alertmanager.BaseUrl.AbsoluteUri.TrimEnd('/')}/#/silences/{silence.Id})", Assert.Single(Replies).Body, StringComparison.Ordinal);
        var state = IssueBody.ReadState(Incident.Body)!;
        Assert.Equal((silence.Id, "alice"), (state.Silence!.Id, state.Silence.By));
        Assert.Contains("🔕 **Silenced** in Alertmanager until", Incident.Body, StringComparison.Ordinal);

        // A new alert of the silenced group reaches nobody, while another group's (the control) opens its issue.
        await _alertmanager.FireAsync(new Dictionary<string, string>(Hub1) { ["instance"] = "hub-2:8081" });
        await _alertmanager.FireAsync(new Dictionary<string, string>(Hub1) { ["namespace"] = "opf-monitoring" });
        await WaitForAsync(() => Repo.Issues.Count == 2 ? Repo.Issues : null, "the control group's issue");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(Incident.Comments, c => c.Body.Contains("hub-2:8081", StringComparison.Ordinal));

        await CommentAsync("alice", "/unsilence");

        Assert.Equal("expired", Assert.Single(await _alertmanager.GetSilencesAsync()).Status.State);
        // Not necessarily the last bot comment: the unsilenced alert's comment may land first.
        Assert.Single(Replies, reply => reply.Body.Contains("Ended the silence", StringComparison.Ordinal));
        Assert.Null(IssueBody.ReadState(Incident.Body)!.Silence);
        Assert.DoesNotContain("🔕 **Silenced**", Incident.Body, StringComparison.Ordinal);
        await WaitForAsync(() => Incident.Comments.FirstOrDefault(c => c.Body.Contains("hub-2:8081", StringComparison.Ordinal)), "the unsilenced alert to reach the issue");
        Assert.Contains("incident_app_silences_total{outcome=\"created\"} 1", await App.Client.GetStringAsync("metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wide_matcher_stays_bounded_by_the_incidents_group_labels()
    {
        await CommentAsync("alice", "/silence 30m alertname=~\".+\"");

        var silence = Assert.Single(await _alertmanager.GetSilencesAsync());
        Assert.Equal(
            [new("alertname", ".+", true, true), new("alertname", "JupyterHubDown", false, true), new("namespace", "opf-jupyterhub", false, true)],
            silence.Matchers.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Value, StringComparer.Ordinal));
        Assert.Contains("Your matchers only narrow it", Assert.Single(Replies).Body, StringComparison.Ordinal);

        // Another repository's alerts (another namespace here) still reach the app.
        await _alertmanager.FireAsync(new Dictionary<string, string>(Hub1) { ["namespace"] = "someone-else" });
        await WaitForAsync(() => Repo.Issues.Count == 2 ? Repo.Issues : null, "the other group's issue");
    }

    [Fact]
    public async Task Readers_and_overlong_silences_are_refused_and_make_no_silence()
    {
        var reader = await CommentAsync("rita", "/silence 1h");
        var overlong = await CommentAsync("alice", "/silence 30d");

        Assert.Empty(await _alertmanager.GetSilencesAsync());
        Assert.Equal(["eyes", "confused"], Repo.Comment(reader.Id).Reactions);
        Assert.Equal(["eyes", "confused"], Repo.Comment(overlong.Id).Reactions);
        Assert.Contains("`/silence` needs the **triage** role; @rita has **read**.", Replies[0].Body, StringComparison.Ordinal);
        Assert.Contains("`30d` is not a duration from 1m to 1w", Replies[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silence_that_ends_while_the_alerts_fire_gets_a_comment()
    {
        await CommentAsync("alice", "/silence 1h");
        var id = Assert.Single(await _alertmanager.GetSilencesAsync()).Id;

        _clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300);
        await App.WaitUntilIdleAsync();
        Assert.DoesNotContain(Incident.Comments, c => c.Body.StartsWith("🔔", StringComparison.Ordinal));

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(20));
        var ended = await WaitForAsync(() => Incident.Comments.FirstOrDefault(c => c.Body.StartsWith("🔔", StringComparison.Ordinal)), "the comment at the silence's end");

        Assert.Contains($"/#/silences/{id}) set by @alice ended at", ended.Body, StringComparison.Ordinal);
        // The comment is posted before the marker is written: wait for the marker rather than race it.
        await WaitForAsync(() => IssueBody.ReadState(Incident.Body)!.Silence is null ? Incident : null, "the marker without the silence");
    }

    /// <summary>The issue's <c>html_url</c> as the comment webhooks carry it.</summary>
    private string IssueUrlInWebhook()
    {
        using var payload = System.Text.Json.JsonDocument.Parse(Webhooks.Comment(Repo, Incident, Incident.Comments[0]));
        return payload.RootElement.GetProperty("issue").GetProperty("html_url").GetString()!;
    }

    private async Task<FakeComment> CommentAsync(string author, string body)
    {
        var comment = Repo.AddComment(Incident.Number, author, body);
        var payload = Webhooks.Comment(Repo, Incident, comment);
        var (status, _) = await Webhooks.PostAsync(App.BaseUrl, "issue_comment", payload, Webhooks.Sign(payload), $"delivery-{++_deliveries}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await App.WaitUntilIdleAsync();
        return Repo.Comment(comment.Id);
    }

    protected override string FailureContext => $"\nAlertmanager log:\n{_alertmanager.Log}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Without <c>ALERTMANAGER_URL</c>, <c>/silence</c> tells the operator's setting.</summary>
public sealed class SilenceWithoutAlertmanagerTests : AppTestBase
{
    [Fact]
    public async Task The_reply_says_what_to_set()
    {
        Repo.SetRole("alice", "triage");
        await App.DeliverAsync(Testing.Fixtures.Alertmanager("firing-critical"));
        var issue = Assert.Single(Repo.Issues);
        var comment = Repo.AddComment(issue.Number, "alice", "/silence 1h");
        var payload = Webhooks.Comment(Repo, issue, comment);
        await Webhooks.PostAsync(App.BaseUrl, "issue_comment", payload, Webhooks.Sign(payload), "delivery-1");
        await App.WaitUntilIdleAsync();

        var reply = Assert.Single(Assert.Single(Repo.Issues).Comments, c => c.Author == FakeGitHubServer.BotLogin);
        Assert.Contains("the operator has not set ALERTMANAGER_URL", reply.Body, StringComparison.Ordinal);
        Assert.Equal(["eyes", "confused"], Repo.Comment(comment.Id).Reactions);
    }
}
