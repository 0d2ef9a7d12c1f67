using System.Net;
using System.Text.Json;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

public sealed class DeliveryEndpointTests : AppTestBase
{
    private const string TeamToken = "test-team-token";

    [Fact]
    public async Task A_delivery_parked_as_failed_is_listed_with_its_reason_and_goes_through_when_retried()
    {
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?>
        {
            ["ALLOWED_REPOS"] = "operate-first/*,not-installed/*",
            ["ALERTMANAGER_TOKEN_TEAM"] = TeamToken,
            ["ALLOWED_REPOS_TEAM"] = "operate-first/*",
        });
        GitHub.Repo("not-installed", "incidents");
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"), "api/alertmanager/not-installed/incidents");

        // A token that may not reach the repository neither sees nor retries its failed delivery.
        using var team = new HttpClient { BaseAddress = App.BaseUrl };
        team.DefaultRequestHeaders.Authorization = new("Bearer", TeamToken);
        Assert.Empty(JsonDocument.Parse(await team.GetStringAsync("api/deliveries?state=failed")).RootElement.EnumerateArray());

        var failed = JsonDocument.Parse(await App.Client.GetStringAsync("api/deliveries?state=failed")).RootElement;
        var entry = Assert.Single(failed.EnumerateArray());
        Assert.Equal("not-installed/incidents", entry.GetProperty("repository").GetString());
        Assert.Contains("not installed", entry.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);

        GitHub.AddInstallation("not-installed", 3003);
        using var teamRetry = await team.PostAsync($"api/deliveries/{entry.GetProperty("id").GetInt64()}/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, teamRetry.StatusCode);
        using var retry = await App.Client.PostAsync($"api/deliveries/{entry.GetProperty("id").GetInt64()}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await App.WaitUntilIdleAsync();

        Assert.Single(GitHub.Repo("not-installed", "incidents").Issues);
        Assert.Empty(JsonDocument.Parse(await App.Client.GetStringAsync("api/deliveries?state=failed")).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Retrying_what_is_not_failed_is_a_404_and_the_list_needs_the_token_and_the_state()
    {
        using var retry = await App.Client.PostAsync("api/deliveries/999/retry", null);
        using var anonymous = new HttpClient { BaseAddress = App.BaseUrl };
        using var refused = await anonymous.GetAsync("api/deliveries?state=failed");
        using var noState = await App.Client.GetAsync("api/deliveries");

        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noState.StatusCode);
    }
}
