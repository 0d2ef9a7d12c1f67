using System.Globalization;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.Alertmanager;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>Scheduled runs reconciling with the real Alertmanager (Debian's) and the fake GitHub.</summary>
public sealed class ReconciliationRunTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> DiskFull = new() { ["alertname"] = "DiskFull", ["namespace"] = "storage", ["severity"] = "critical" };
    private static readonly Dictionary<string, string> PodCrash = new() { ["alertname"] = "PodCrashLooping", ["namespace"] = "jupyterhub", ["severity"] = "warning" };

    private readonly ActionProcess _action = new();
    private FakeGitHubServer _github = null!;
    private AlertmanagerProcess _alertmanager = null!;

    private FakeRepo Repo => _github.Repo(ActionProcess.Owner, ActionProcess.Name);

    private IEnumerable<RecordedRequest> Writes => _github.Requests.Where(r => r.Method != "GET");

    private IEnumerable<FakeIssue> Incidents => Repo.Issues.Where(i => i.Labels.Contains("incident"));

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepositoryToken(ActionProcess.Owner, ActionProcess.Token);
        Repo.SetFile(".github/incidents.yml", "incident_label: incident\n");
        // Nothing listens on the discard port: these tests read Alertmanager's API, not its notifications.
        _alertmanager = await AlertmanagerProcess.StartAsync(new Uri("http://127.0.0.1:9/"), "unused");
    }

    public async Task DisposeAsync()
    {
        await _alertmanager.DisposeAsync();
        await _github.DisposeAsync();
        _action.Dispose();
    }

    [Fact]
    public async Task Each_active_group_opens_one_issue_and_a_second_run_writes_nothing()
    {
        await _alertmanager.FireAsync(DiskFull, new Dictionary<string, string> { ["summary"] = "Disk almost full" });
        await _alertmanager.FireAsync(PodCrash);
        await _alertmanager.WaitForAlertGroupsAsync(groups => groups.Count == 2);

        var first = await ReconcileAsync();
        var writesAfterFirst = Writes.Count();
        var second = await ReconcileAsync();

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Equal(["DiskFull", "PodCrashLooping"], Incidents.Select(i => IssueBody.ReadState(i.Body)!.GroupLabels["alertname"]).Order());
        Assert.All(Incidents, issue => Assert.True(issue.IsOpen));
        var disk = Incidents.Single(i => IssueBody.ReadState(i.Body)!.GroupLabels["alertname"] == "DiskFull");
        Assert.Contains("Disk almost full", disk.Title + disk.Body, StringComparison.Ordinal);
        Assert.Contains(_alertmanager.BaseUrl.AbsoluteUri.TrimEnd('/'), disk.Body, StringComparison.Ordinal);
        Assert.Equal(writesAfterFirst, Writes.Count());
        Assert.Contains("operations<<", second.Outputs, StringComparison.Ordinal);
        Assert.Contains("0 write(s) to GitHub.", second.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_resolved_in_Alertmanager_resolves_its_incident_on_the_next_run()
    {
        await _alertmanager.FireAsync(DiskFull);
        await _alertmanager.FireAsync(PodCrash);
        await _alertmanager.WaitForAlertGroupsAsync(groups => groups.Count == 2);
        var opened = await ReconcileAsync();
        var disk = Incidents.Single(i => IssueBody.ReadState(i.Body)!.GroupLabels["alertname"] == "DiskFull");

        await _alertmanager.ResolveAsync(DiskFull);
        await _alertmanager.WaitForAlertGroupsAsync(groups => groups.Count == 1);
        var resolved = await ReconcileAsync();
        var writesAfterResolve = Writes.Count();
        var again = await ReconcileAsync();

        Assert.True(opened.ExitCode == 0 && resolved.ExitCode == 0 && again.ExitCode == 0, opened.Stdout + resolved.Stdout + again.Stdout);
        var closed = Repo.Issue(disk.Number);
        Assert.False(closed.IsOpen);
        Assert.Contains("resolved", closed.Labels);
        Assert.Equal("resolved", IssueBody.ReadState(closed.Body)!.Status);
        Assert.Single(Incidents, i => i.IsOpen);
        Assert.Contains($"1 resolved because their alerts are gone (#{disk.Number.ToString(CultureInfo.InvariantCulture)})", resolved.Stdout, StringComparison.Ordinal);
        Assert.Equal(writesAfterResolve, Writes.Count());
    }

    [Fact]
    public async Task Only_the_named_receivers_groups_open_incidents()
    {
        await _alertmanager.FireAsync(DiskFull);
        await _alertmanager.WaitForAlertGroupsAsync(groups => groups.Count == 1);

        // The harness routes everything to its one receiver, "webhook".
        var other = await ReconcileAsync(receiver: "pagerduty");
        var ours = await ReconcileAsync(receiver: "webhook");

        Assert.True(other.ExitCode == 0 && ours.ExitCode == 0, other.Stdout + ours.Stdout);
        Assert.Contains("0 incident(s) with active alerts", other.Stdout, StringComparison.Ordinal);
        Assert.Single(Incidents);
    }

    private Task<ActionResult> ReconcileAsync(string? receiver = null)
    {
        var inputs = new Dictionary<string, string> { [ActionInputs.AlertmanagerUrl] = _alertmanager.BaseUrl.AbsoluteUri };
        if (receiver is not null)
        {
            inputs[ActionInputs.AlertmanagerReceiver] = receiver;
        }

        return _action.RunAsync(_github, "schedule", eventJson: "{}", inputs);
    }
}
