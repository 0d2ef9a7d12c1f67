using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Tests.Alerts;

public sealed class AlertGroupPayloadTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    internal static GroupAlert Alert(string fingerprint, IReadOnlyDictionary<string, string> labels, string state = GroupAlertStatus.Active, IReadOnlyDictionary<string, string>? annotations = null) => new()
    {
        Fingerprint = fingerprint,
        Labels = labels,
        Annotations = annotations ?? new Dictionary<string, string>(),
        StartsAt = Start,
        EndsAt = Start.AddHours(1),
        UpdatedAt = Start,
        Status = new GroupAlertStatus { State = state },
    };

    internal static AlertGroup Group(string receiver, IReadOnlyDictionary<string, string> labels, params GroupAlert[] alerts) =>
        new() { Labels = labels, Receiver = new AlertGroupReceiver { Name = receiver }, Alerts = alerts };

    [Fact]
    public void A_group_reads_as_the_firing_webhook_delivery_of_its_alerts()
    {
        var group = Group("github", new Dictionary<string, string> { ["alertname"] = "DiskFull" },
            Alert("fp1", new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = "a", ["team"] = "storage" }, annotations: new Dictionary<string, string> { ["summary"] = "Full", ["runbook"] = "r1" }),
            Alert("fp2", new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = "b", ["team"] = "storage" }, annotations: new Dictionary<string, string> { ["summary"] = "Full", ["runbook"] = "r2" }));

        var payload = AlertGroupPayload.Firing(group, group.Alerts, "http://alertmanager:9093");

        Assert.Equal((AlertStatus.Firing, "github", "http://alertmanager:9093", "4"), (payload.Status, payload.Receiver, payload.ExternalUrl, payload.Version));
        Assert.Equal(group.Labels, payload.GroupLabels);
        Assert.Equal(new Dictionary<string, string> { ["alertname"] = "DiskFull", ["team"] = "storage" }, payload.CommonLabels);
        Assert.Equal(new Dictionary<string, string> { ["summary"] = "Full" }, payload.CommonAnnotations);
        Assert.Equal("github:{alertname=\"DiskFull\"}", payload.GroupKey);
        Assert.All(payload.Alerts, alert => Assert.True(alert.IsFiring && alert.EndsAt is null && alert.StartsAt == Start));
        Assert.Equal(["fp1", "fp2"], payload.Alerts.Select(a => a.Fingerprint));
    }
}
