using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

public sealed class AlertmanagerEndpointTests : AppTestBase
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpContent content, AuthenticationHeaderValue? auth, string path = "api/alertmanager/operate-first/incidents")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = auth;
        using var client = new HttpClient { BaseAddress = App.BaseUrl };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Fact]
    public async Task Accepts_bearer_and_basic_auth_with_the_token()
    {
        var (bearer, body) = await PostAsync(Json(Fixtures.Alertmanager("firing-critical")), Bearer(RunningApp.AlertmanagerToken));
        var (basic, _) = await PostAsync(Json(Fixtures.Alertmanager("firing-critical")), Basic("alertmanager", RunningApp.AlertmanagerToken));
        await App.WaitUntilIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, bearer);
        Assert.Equal(HttpStatusCode.Accepted, basic);
        Assert.Equal("operate-first/incidents", body.GetProperty("repository").GetString());
        Assert.Single(GitHub.Repo("operate-first", "incidents").Issues);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Token test-alertmanager-token")]
    public async Task Refuses_missing_or_wrong_credentials(string? header)
    {
        var auth = header is null ? null : AuthenticationHeaderValue.Parse(header);

        var (status, body) = await PostAsync(Json(Fixtures.Alertmanager("firing-critical")), auth);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("ALERTMANAGER_TOKEN", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task Refuses_basic_auth_with_the_wrong_password()
    {
        var (status, _) = await PostAsync(Json(Fixtures.Alertmanager("firing-critical")), Basic(RunningApp.AlertmanagerToken, "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"version\":\"3\"}", "version 4")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}", "'alerts' is empty")]
    public async Task Names_the_problem_of_a_bad_payload(string json, string expected)
    {
        var (status, body) = await PostAsync(Json(json), Bearer(RunningApp.AlertmanagerToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_bodies_over_one_mebibyte()
    {
        var (status, body) = await PostAsync(Json(new string(' ', (1024 * 1024) + 1)), Bearer(RunningApp.AlertmanagerToken));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("max_alerts", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_url_that_names_no_repository()
    {
        var (status, _) = await PostAsync(Json(Fixtures.Alertmanager("firing-critical")), Bearer(RunningApp.AlertmanagerToken), "api/alertmanager/bad%20owner/x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Health_reports_the_inbox()
    {
        using var client = new HttpClient { BaseAddress = App.BaseUrl };

        var health = JsonDocument.Parse(await client.GetStringAsync("healthz")).RootElement;

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("dryRun").GetBoolean());
        Assert.Equal("live", health.GetProperty("mode").GetString());
        Assert.Equal(0, health.GetProperty("pending").GetInt32());
    }
}
