using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>
/// The sample relay (examples/relay) between a real Alertmanager delivery and GitHub's repository_dispatch: what it
/// sends GitHub is what the Action's workflow then receives and turns into an incident.
/// </summary>
public sealed class RelayTests : ActionRunTestBase
{
    private const string RelayToken = "alertmanager-to-relay";
    private const string DispatchToken = "github_pat_relay";

    private static readonly HttpClient Client = new();

    [Fact]
    public async Task An_alertmanager_delivery_becomes_a_dispatch_that_the_Action_turns_into_an_incident()
    {
        using var relay = await StartRelayAsync();
        var delivery = Fixtures.Alertmanager("firing-critical");

        using var answer = await PostAsync(relay, delivery, RelayToken);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        var dispatch = Assert.Single(GitHub.Requests);
        Assert.Equal(("POST", "/repos/operate-first/incidents/dispatches", 204), (dispatch.Method, dispatch.Path, dispatch.StatusCode));
        Assert.Equal($"Bearer {DispatchToken}", dispatch.Authorization);
        var body = JsonNode.Parse(dispatch.Body)!;
        Assert.Equal(DispatchPayload.DispatchType, (string?)body["event_type"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(delivery), body["client_payload"]![DispatchPayload.PayloadKey]), dispatch.Body);

        // GitHub hands the workflow the event type as `action`, beside client_payload.
        var workflowEvent = new JsonObject { ["action"] = body["event_type"]!.DeepClone(), ["client_payload"] = body["client_payload"]!.DeepClone() };
        using (var parsed = JsonDocument.Parse(workflowEvent.ToJsonString()))
        {
            var (json, problem, _) = DispatchPayload.Find("repository_dispatch", parsed.RootElement);
            Assert.Null(problem);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(delivery), JsonNode.Parse(json!)));
        }

        var result = await Action.RunAsync(GitHub, "repository_dispatch", workflowEvent.ToJsonString());
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Single(Repo.Issues, issue => issue.Labels.Contains("incident"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    public async Task A_caller_without_the_relay_token_is_refused_and_nothing_reaches_GitHub(string? authorization)
    {
        using var relay = await StartRelayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, relay.Url) { Content = new StringContent(Fixtures.Alertmanager("firing-critical"), Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var answer = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Empty(GitHub.Requests);
    }

    // Alertmanager retries a 5xx answer and gives up on a 4xx one.
    [Theory]
    [InlineData(500, HttpStatusCode.BadGateway)]
    [InlineData(429, HttpStatusCode.BadGateway)]
    [InlineData(422, HttpStatusCode.BadRequest)]
    public async Task GitHub_failures_are_answered_so_that_Alertmanager_retries_only_what_a_retry_can_fix(int gitHubStatus, HttpStatusCode relayStatus)
    {
        using var relay = await StartRelayAsync();
        GitHub.FailWith = _ => gitHubStatus;

        using var answer = await PostAsync(relay, Fixtures.Alertmanager("firing-critical"), RelayToken);

        Assert.Equal(relayStatus, answer.StatusCode);
        Assert.Contains($"GitHub answered {gitHubStatus}", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<RelayProcess> StartRelayAsync()
    {
        GitHub.AddRepositoryToken(ActionProcess.Owner, DispatchToken);
        var tokenFile = Path.Combine(Action.Workspace, "github-token");
        await File.WriteAllTextAsync(tokenFile, DispatchToken + "\n");
        return await RelayProcess.StartAsync(new Dictionary<string, string>
        {
            ["GITHUB_REPOSITORY"] = $"{ActionProcess.Owner}/{ActionProcess.Name}",
            ["GITHUB_TOKEN_FILE"] = tokenFile,
            ["RELAY_TOKEN"] = RelayToken,
            ["GITHUB_API_URL"] = GitHub.BaseUrl.AbsoluteUri,
        });
    }

    private static Task<HttpResponseMessage> PostAsync(RelayProcess relay, string body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, relay.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request);
    }
}
