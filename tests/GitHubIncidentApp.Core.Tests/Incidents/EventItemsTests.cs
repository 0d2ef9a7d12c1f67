using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>A whole event (the Action's event file) becomes the item a delivery would, or says what is wrong with it.</summary>
public sealed class EventItemsTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static string Dispatch(JsonNode? clientPayload, string type = "alertmanager") =>
        new JsonObject { ["action"] = type, ["client_payload"] = clientPayload }.ToJsonString();

    [Fact]
    public void A_dispatched_payload_becomes_the_Alertmanager_item_for_the_event_s_repository()
    {
        var intake = EventItems.ForDispatch("repository_dispatch", Dispatch(new JsonObject { ["payload"] = JsonNode.Parse(Fixtures.Alertmanager("firing-critical")) }), Repo, Now);

        Assert.Equal((InboxSources.Alertmanager, "operate-first/incidents", Now), (intake.Item!.Source, intake.Item.Repo, intake.Item.ReceivedAt));
        Assert.Null(intake.Fault);
    }

    [Fact]
    public void Another_dispatch_type_asks_for_nothing_and_each_fault_is_named_with_its_detail()
    {
        var other = EventItems.ForDispatch("repository_dispatch", Dispatch(new JsonObject(), type: "deploy"), Repo, Now);
        var notJson = EventItems.ForDispatch("repository_dispatch", "{ not json", Repo, Now);
        var noPayload = EventItems.ForDispatch("workflow_dispatch", "{\"inputs\":{}}", Repo, Now);
        var invalid = EventItems.ForDispatch("repository_dispatch", Dispatch(new JsonObject { ["payload"] = new JsonObject { ["alerts"] = 3 } }), Repo, Now);

        Assert.Equal((null, null), (other.Item, other.Fault));
        Assert.Contains("'deploy'", other.NothingToDo, StringComparison.Ordinal);
        Assert.Equal([EventFault.NotJson, EventFault.NoPayload, EventFault.InvalidPayload], new[] { notJson, noPayload, invalid }.Select(intake => intake.Fault!.Value));
        Assert.All(new[] { notJson, noPayload, invalid }, intake => Assert.False(string.IsNullOrEmpty(intake.Detail)));
    }

    [Fact]
    public async Task A_GitHub_event_becomes_its_item_under_the_host_s_delivery_id_and_a_broken_one_is_a_fault()
    {
        var index = new InMemoryIncidentIndex();

        var comment = await EventItems.ForGitHubEventAsync(index, "issue_comment", Fixtures.Text("github/issue_comment.created.json"), "workflow-run-9", Now, CancellationToken.None);
        var broken = await EventItems.ForGitHubEventAsync(index, "issue_comment", "{ not json", "workflow-run-9", Now, CancellationToken.None);

        Assert.Equal(("github/issue_comment", "workflow-run-9", "Codertocat/Hello-World"), (comment.Item!.Source, comment.Item.DeliveryId, comment.Item.Repo));
        Assert.Equal((null, EventFault.NotTheEvent), (broken.Item, broken.Fault));
        Assert.Contains("not valid JSON", broken.Detail, StringComparison.Ordinal);
    }
}
