using GitHubIncidentApp.Testing.Alertmanager;

namespace GitHubIncidentApp.Core.Tests.AlertmanagerHarness;

/// <summary>Runs the real Alertmanager (each test about 2-4 s) to check the harness the end-to-end tests rely on.</summary>
public sealed class AlertmanagerProcessTests
{
    private const string Token = "test-token";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Fire_then_resolve_delivers_firing_then_resolved_webhook_with_bearer_auth()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        await using var alertmanager = await AlertmanagerProcess.StartAsync(recorder.Url, Token);
        var labels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["namespace"] = "prod", ["severity"] = "critical" };

        await alertmanager.FireAsync(labels, new Dictionary<string, string> { ["summary"] = "disk 97% full" });
        var firing = await recorder.NextAsync(DeliveryTimeout, () => alertmanager.Log);

        Assert.Equal($"Bearer {Token}", firing.Authorization);
        Assert.Equal("application/json", firing.ContentType);
        Assert.StartsWith("Alertmanager/", firing.UserAgent, StringComparison.Ordinal);
        Assert.Equal("4", firing.Body.GetProperty("version").GetString());
        Assert.Equal("firing", firing.Body.GetProperty("status").GetString());
        Assert.Equal("""{"alertname":"DiskFull","namespace":"prod"}""", firing.Body.GetProperty("groupLabels").GetRawText());
        var firingAlert = Assert.Single(firing.Body.GetProperty("alerts").EnumerateArray());
        Assert.Equal("disk 97% full", firingAlert.GetProperty("annotations").GetProperty("summary").GetString());

        var group = Assert.Single(await alertmanager.GetAlertGroupsAsync());
        Assert.Equal("prod", group.Labels["namespace"]);
        Assert.Equal(labels, Assert.Single(group.Alerts).Labels);

        await alertmanager.ResolveAsync(labels);
        var resolved = await recorder.NextAsync(DeliveryTimeout, () => alertmanager.Log);

        Assert.Equal($"Bearer {Token}", resolved.Authorization);
        Assert.Equal("resolved", resolved.Body.GetProperty("status").GetString());
        var resolvedAlert = Assert.Single(resolved.Body.GetProperty("alerts").EnumerateArray());
        Assert.Equal(firingAlert.GetProperty("fingerprint").GetString(), resolvedAlert.GetProperty("fingerprint").GetString());
        Assert.Equal(firingAlert.GetProperty("startsAt").GetString(), resolvedAlert.GetProperty("startsAt").GetString());
        Assert.Equal("disk 97% full", resolvedAlert.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Empty(await alertmanager.GetAlertGroupsAsync());
    }

    [Fact]
    public async Task Max_alerts_lists_that_many_and_counts_the_rest_as_truncated()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        await using var alertmanager = await AlertmanagerProcess.StartAsync(recorder.Url, Token, new AlertmanagerOptions { MaxAlerts = 2 });

        foreach (var pod in new[] { "a", "b", "c" })
        {
            await alertmanager.FireAsync(new Dictionary<string, string> { ["alertname"] = "PodDown", ["namespace"] = "prod", ["pod"] = pod });
        }

        var webhook = await recorder.NextAsync(DeliveryTimeout, () => alertmanager.Log);

        Assert.Equal(2, webhook.Body.GetProperty("alerts").GetArrayLength());
        Assert.Equal(1, webhook.Body.GetProperty("truncatedAlerts").GetInt32());
    }

    [Fact]
    public void Locate_with_a_missing_override_names_the_variable_and_the_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => AlertmanagerBinary.Locate("/nonexistent/alertmanager"));

        Assert.Contains(AlertmanagerBinary.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/alertmanager", error.Message, StringComparison.Ordinal);
    }
}
