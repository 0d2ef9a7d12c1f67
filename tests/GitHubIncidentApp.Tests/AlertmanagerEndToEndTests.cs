using GitHubIncidentApp.Testing.Alertmanager;

namespace GitHubIncidentApp.Tests;

/// <summary>The real Alertmanager (Debian's prometheus-alertmanager) delivering to the running app.</summary>
public sealed class AlertmanagerEndToEndTests : AppTestBase
{
    private static readonly Dictionary<string, string> Hub1 = new()
    {
        ["alertname"] = "JupyterHubDown",
        ["namespace"] = "opf-jupyterhub",
        ["severity"] = "critical",
        ["instance"] = "hub-1:8081",
    };

    private static readonly Dictionary<string, string> Hub2 = new(Hub1) { ["instance"] = "hub-2:8081" };

    private static readonly Dictionary<string, string> Annotations = new()
    {
        ["summary"] = "JupyterHub is down",
        ["runbook_url"] = "https://example.org/runbooks/jupyterhub-down",
    };

    private AlertmanagerProcess _alertmanager = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _alertmanager = await AlertmanagerProcess.StartAsync(new Uri(App.BaseUrl, "api/alertmanager/operate-first/incidents"), RunningApp.AlertmanagerToken);
    }

    public override async Task DisposeAsync()
    {
        await _alertmanager.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Alerts_fired_grown_and_resolved_in_alertmanager_run_one_issue()
    {
        await _alertmanager.FireAsync(Hub1, Annotations);
        var opened = await WaitForAsync(() => Repo.Issues.SingleOrDefault(), "the incident issue to open");
        Assert.Equal(["incident", "severity/critical"], opened.Labels);
        Assert.Contains("JupyterHub is down", opened.Title, StringComparison.Ordinal);

        await _alertmanager.FireAsync(Hub2, Annotations);
        var grown = await WaitForAsync(() => Repo.Issues.SingleOrDefault(i => i.Comments.Count == 1), "a comment about the second alert");
        Assert.Contains("hub-2:8081", grown.Comments[0].Body, StringComparison.Ordinal);
        Assert.Contains("hub-2:8081", grown.Body, StringComparison.Ordinal);

        await _alertmanager.ResolveAsync(Hub1);
        await _alertmanager.ResolveAsync(Hub2);
        var closed = await WaitForAsync(() => Repo.Issues.SingleOrDefault(i => i.State == "closed"), "the issue to close");

        Assert.Contains("resolved", closed.Labels);
        Assert.Single(Repo.Issues);
        await App.WaitUntilIdleAsync();
        Assert.Equal(["GET", "POST", "GET", "PATCH", "POST", "GET", "PATCH", "POST"], GitHub.IssueCalls().Select(r => r.Method));
    }

    protected override string FailureContext => $"\nAlertmanager log:\n{_alertmanager.Log}";
}
