using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>Sample times and deliveries for the storage tests.</summary>
public static class StorageSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Long enough that no test's clock runs past it unless it means to.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromDays(30);

    /// <summary>A GitHub event by default: Alertmanager deliveries of one key are coalesced, and most tests follow each row.</summary>
    public static InboxItem Item(string deliveryId, string key, string source = "github/issue_comment", DateTimeOffset? receivedAt = null, int priority = 0) => new()
    {
        Source = source,
        DeliveryId = deliveryId,
        Repo = "octo/app",
        IncidentKey = key,
        Payload = $$"""{"delivery":"{{deliveryId}}"}""",
        ReceivedAt = receivedAt ?? T0,
        Priority = priority,
    };

    /// <summary>An Alertmanager delivery; repeats of a group's unchanged state carry the same payload.</summary>
    public static InboxItem Alert(string deliveryId, string key, string state = "firing") =>
        Item(deliveryId, key, source: "alertmanager") with { Payload = $$"""{"group":"{{key}}","status":"{{state}}"}""" };
}
