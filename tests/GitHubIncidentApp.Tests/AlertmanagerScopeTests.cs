using GitHubIncidentApp.Core.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Each Alertmanager token reaches only its repositories (ALLOWED_REPOS, ALLOWED_REPOS_&lt;NAME&gt;): the app is
/// installed on operate-first and other-org, and a token for one may not open issues in the other.
/// </summary>
public sealed class AlertmanagerScopeTests : AppTestBase
{
    private const string TeamA = "team-a-token";
    private const string TeamB = "team-b-token";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        GitHub.AddInstallation("other-org", 2002);
        GitHub.Repo("other-org", "superset");
    }

    private async Task RestartAsync(Dictionary<string, string?> settings)
    {
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, settings: settings);
    }

    private async Task<(HttpStatusCode Status, string Error)> PostAsync(string token, string path, string? repoLabel = null)
    {
        var json = Fixtures.Alertmanager("firing-critical");
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(repoLabel is null ? json : Payloads.WithCommonLabel(json, "repo", repoLabel), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var client = new HttpClient { BaseAddress = App.BaseUrl };
        using var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.TryGetProperty("error", out var error) ? error.GetString()! : "");
    }

    private long RefusedForScope() =>
        App.Services.GetRequiredService<MetricsRegistry>().DeliveriesRefused.Get(MetricsRegistry.AlertmanagerSource, MetricsReason.Scope);

    [Theory]
    [InlineData("api/alertmanager", "other-org/superset")]
    [InlineData("api/alertmanager/other-org/superset", null)]
    public async Task A_repository_of_another_installed_owner_is_a_403_and_nothing_is_stored_or_sent(string path, string? repoLabel)
    {
        GitHub.ClearRequests();

        var (status, error) = await PostAsync(RunningApp.AlertmanagerToken, path, repoLabel);
        await App.WaitUntilIdleAsync();

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("ALERTMANAGER_TOKEN may not reach other-org/superset: add it (or other-org/*) to ALLOWED_REPOS to let this Alertmanager's alerts open incidents there", error);
        Assert.Equal(1, RefusedForScope());
        Assert.Empty(GitHub.Requests);
        Assert.Empty(GitHub.Repo("other-org", "superset").Issues);
        Assert.Empty(await App.Services.GetRequiredService<Core.Storage.IInbox>().ListFailedAsync(10, CancellationToken.None));
    }

    [Theory]
    [InlineData("other-org/*", false, true)]
    [InlineData("operate-first/incidents", true, false)]
    [InlineData("*", true, true)]
    public async Task ALLOWED_REPOS_takes_repositories_owners_and_everything(string allowed, bool operateFirst, bool otherOrg)
    {
        await RestartAsync(new() { ["ALLOWED_REPOS"] = allowed });

        var (first, _) = await PostAsync(RunningApp.AlertmanagerToken, "api/alertmanager/operate-first/incidents");
        var (other, _) = await PostAsync(RunningApp.AlertmanagerToken, "api/alertmanager", "other-org/superset");
        await App.WaitUntilIdleAsync();

        Assert.Equal(operateFirst ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden, first);
        Assert.Equal(otherOrg ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden, other);
        Assert.Equal(operateFirst ? 1 : 0, Repo.Issues.Count);
        Assert.Equal(otherOrg ? 1 : 0, GitHub.Repo("other-org", "superset").Issues.Count);
    }

    [Fact]
    public async Task Named_tokens_each_reach_only_their_own_repositories()
    {
        await RestartAsync(new()
        {
            ["ALERTMANAGER_TOKEN_TEAM_A"] = TeamA,
            ["ALLOWED_REPOS_TEAM_A"] = "operate-first/incidents",
            ["ALERTMANAGER_TOKEN_TEAM_B"] = TeamB,
            ["ALLOWED_REPOS_TEAM_B"] = "other-org/*",
        });

        var (aOwn, _) = await PostAsync(TeamA, "api/alertmanager/operate-first/incidents");
        var (aOther, aError) = await PostAsync(TeamA, "api/alertmanager", "other-org/superset");
        var (bOwn, _) = await PostAsync(TeamB, "api/alertmanager", "other-org/superset");
        var (bOther, bError) = await PostAsync(TeamB, "api/alertmanager/operate-first/incidents");
        var (wrong, _) = await PostAsync("team-c-token", "api/alertmanager/operate-first/incidents");
        await App.WaitUntilIdleAsync();

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Forbidden, HttpStatusCode.Accepted, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized], [aOwn, aOther, bOwn, bOther, wrong]);
        Assert.StartsWith("ALERTMANAGER_TOKEN_TEAM_A may not reach other-org/superset: add it (or other-org/*) to ALLOWED_REPOS_TEAM_A", aError, StringComparison.Ordinal);
        Assert.StartsWith("ALERTMANAGER_TOKEN_TEAM_B may not reach operate-first/incidents: add it (or operate-first/*) to ALLOWED_REPOS_TEAM_B", bError, StringComparison.Ordinal);
        Assert.Single(Repo.Issues);
        Assert.Single(GitHub.Repo("other-org", "superset").Issues);
        Assert.Equal(2, RefusedForScope());
    }

    [Fact]
    public async Task The_README_quickstart_posts_without_a_token_in_development()
    {
        await using var app = await DevApp.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseUrl };

        using var response = await client.PostAsync("api/alertmanager/my-org/incidents", new StringContent(Fixtures.Alertmanager("firing-critical"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
