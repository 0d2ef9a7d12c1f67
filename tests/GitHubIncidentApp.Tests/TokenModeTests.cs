using System.Net;
using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Token mode against the fake GitHub: no App installed anywhere, every call made with the token, the token's user
/// the app's identity, and commands from a repository webhook signed with WEBHOOK_SECRET.
/// </summary>
public sealed class TokenModeTests : AppTestBase
{
    private const string Token = "ghp_tokenModeTestToken0123456789";

    // A machine user, as README advises: a person's own comments under the token would be the app's.
    private const string TokenUser = "incident-bot";

    private int _deliveries;

    private FakeIssue Incident => Assert.Single(Repo.Issues);

    /// <summary>The settings of the App's tests with the App's credentials traded for the token.</summary>
    private static Dictionary<string, string?> TokenSettings(string token = Token) => new()
    {
        ["APP_ID"] = null,
        ["PRIVATE_KEY"] = null,
        ["GITHUB_TOKEN"] = token,
    };

    protected override Task<RunningApp> StartAppAsync()
    {
        // Nothing of the App's: a call that needed an installation would fail.
        GitHub.RemoveInstallation("operate-first");
        GitHub.AddRepositoryToken("operate-first", Token, TokenUser);
        Repo.SetRole("alice", "triage");
        return RunningApp.StartAsync(GitHub, settings: TokenSettings());
    }

    [Fact]
    public async Task An_alert_opens_an_issue_by_the_tokens_user_with_every_call_made_with_the_token()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.Equal(TokenUser, Incident.Author);
        Assert.Contains("severity/critical", Incident.Labels);
        Assert.All(GitHub.Requests, request => Assert.Equal($"Token {Token}", request.Authorization));
        Assert.Equal(1, GitHub.Count("POST", "^/repos/operate-first/incidents/issues$"));
        Assert.Equal(0, GitHub.Count("GET", "^/app"));
        Assert.Equal(0, GitHub.Count("POST", "^/app/"));
    }

    [Fact]
    public async Task A_signed_repository_webhook_runs_ack_and_the_reply_is_by_the_tokens_user()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var comment = await CommentAsync("alice", "On it.\n/ack");

        Assert.Contains("acknowledged", Incident.Labels);
        Assert.Equal(["alice"], Incident.Assignees);
        Assert.Equal(["eyes", "rocket"], Repo.Comment(comment.Id).Reactions);
        Assert.Contains("Acknowledged by @alice", Assert.Single(Incident.Comments, c => c.Author == TokenUser).Body, StringComparison.Ordinal);
        Assert.Equal(1, GitHub.Count("GET", "^/user$"));
    }

    [Fact]
    public async Task The_tokens_users_own_comments_and_labels_are_the_apps_and_change_nothing()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        GitHub.ClearRequests();

        var comment = await CommentAsync(TokenUser, "/resolve");
        Repo.EditIssue(Incident.Number, new FakeIssuePatch { Labels = ["incident", "severity/critical", "severity/info"] });
        await SendAsync("issues", Webhooks.IssueChange("labeled", Repo, Incident, TokenUser, "severity/info"));

        Assert.Equal("open", Incident.State);
        Assert.Empty(Repo.Comment(comment.Id).Reactions);
        Assert.False(IssueBody.ReadState(Incident.Body)!.SeverityPinned);
        Assert.DoesNotContain(GitHub.Requests, request => request.Method != "GET");
    }

    [Fact]
    public async Task A_marker_in_an_issue_another_user_opened_is_ignored_when_the_index_is_rebuilt()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var real = Incident;
        var copy = Repo.AddIssue("Copy", real.Body, ["incident"], author: "mallory");
        var dataDir = App.DataDir;
        await App.DisposeAsync();
        foreach (var file in Directory.GetFiles(dataDir))
        {
            File.Delete(file);
        }

        App = await RunningApp.StartAsync(GitHub, dataDir, TokenSettings());
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        Assert.Equal("closed", Repo.Issue(real.Number).State);
        Assert.Equal("open", Repo.Issue(copy.Number).State);
        Assert.Empty(Repo.Issue(copy.Number).Comments);
        Assert.Equal(copy.Body, Repo.Issue(copy.Number).Body);
    }

    [Fact]
    public async Task Healthz_and_the_metrics_say_token()
    {
        var health = JsonDocument.Parse(await App.Client.GetStringAsync("healthz")).RootElement;
        var metrics = await App.Client.GetStringAsync("metrics");

        Assert.Equal("token", health.GetProperty("mode").GetString());
        Assert.False(health.GetProperty("dryRun").GetBoolean());
        Assert.Contains("incident_app_mode{mode=\"token\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_GitHub_refuses_makes_the_app_not_ready_and_names_the_token()
    {
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, settings: TokenSettings("ghp_revoked"));

        using var posted = await App.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"));
        var reasons = await WaitUntilNotReadyAsync();

        Assert.StartsWith("github: GitHub refused GITHUB_TOKEN (401)", reasons[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(Repo.Issues);
    }

    [Fact]
    public async Task With_dev_and_no_webhook_secret_alerts_work_and_every_webhook_is_refused()
    {
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?>(TokenSettings()) { ["WEBHOOK_SECRET"] = null, ["DRY_RUN"] = "false" }, args: [AppSettings.DevFlag]);
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var comment = Repo.AddComment(Incident.Number, "alice", "/ack");
        var payload = Webhooks.Comment(Repo, Incident, comment);
        var (status, answer) = await Webhooks.PostAsync(App.BaseUrl, "issue_comment", payload, Webhooks.Sign(payload), "delivery-1");

        Assert.Equal(TokenUser, Incident.Author);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("WEBHOOK_SECRET is not set", answer.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("acknowledged", Incident.Labels);
    }

    /// <summary>A person writes a comment on the incident issue, and the repository's webhook tells the app.</summary>
    private async Task<FakeComment> CommentAsync(string author, string body)
    {
        var comment = Repo.AddComment(Incident.Number, author, body);
        await SendAsync("issue_comment", Webhooks.Comment(Repo, Incident, comment));
        return Repo.Comment(comment.Id);
    }

    private async Task SendAsync(string eventName, byte[] payload)
    {
        // A repository webhook's payload: as the App's, without the 'installation' object.
        Assert.DoesNotContain("\"installation\"", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        var (status, _) = await Webhooks.PostAsync(App.BaseUrl, eventName, payload, Webhooks.Sign(payload), $"delivery-{++_deliveries}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await App.WaitUntilIdleAsync();
    }

    private async Task<JsonElement> WaitUntilNotReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await App.Client.GetAsync("readyz");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reasons").Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, "/readyz stayed ready with a token GitHub refuses");
            await Task.Delay(100);
        }
    }
}
