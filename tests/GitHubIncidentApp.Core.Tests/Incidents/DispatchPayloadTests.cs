using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>Where a dispatch event carries the Alertmanager webhook body.</summary>
public sealed class DispatchPayloadTests
{
    private static readonly string Body = Fixtures.Alertmanager("firing-critical");

    private static (byte[]? Json, string? Problem, bool Ignored) Find(string eventName, JsonNode root)
    {
        using var document = JsonDocument.Parse(root.ToJsonString());
        return DispatchPayload.Find(eventName, document.RootElement);
    }

    private static string GroupKey(byte[]? json) => JsonNode.Parse(json!)!["groupKey"]!.GetValue<string>();

    [Fact]
    public void A_repository_dispatch_carries_the_body_wrapped_or_as_the_client_payload_itself()
    {
        var expected = JsonNode.Parse(Body)!["groupKey"]!.GetValue<string>();
        var wrapped = Find("repository_dispatch", new JsonObject { ["action"] = "alertmanager", ["client_payload"] = new JsonObject { ["payload"] = JsonNode.Parse(Body) } });
        var bare = Find("repository_dispatch", new JsonObject { ["action"] = "alertmanager", ["client_payload"] = JsonNode.Parse(Body) });

        Assert.Equal(expected, GroupKey(wrapped.Json));
        Assert.Equal(expected, GroupKey(bare.Json));
    }

    [Fact]
    public void A_workflow_dispatch_carries_the_body_as_text_in_its_payload_input()
    {
        var found = Find("workflow_dispatch", new JsonObject { ["inputs"] = new JsonObject { ["payload"] = Body } });

        Assert.Equal(Body, Encoding.UTF8.GetString(found.Json!));
    }

    [Fact]
    public void Other_dispatch_types_are_ignored_and_a_missing_payload_says_how_to_send_one()
    {
        var other = Find("repository_dispatch", new JsonObject { ["action"] = "deploy", ["client_payload"] = new JsonObject() });
        var missing = Find("workflow_dispatch", new JsonObject { ["inputs"] = new JsonObject() });

        Assert.True(other.Ignored);
        Assert.Null(missing.Json);
        Assert.False(missing.Ignored);
        Assert.Contains("inputs: payload:", missing.Problem, StringComparison.Ordinal);
    }
}
