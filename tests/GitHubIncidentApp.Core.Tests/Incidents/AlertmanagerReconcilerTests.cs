using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Core.Tests.GitHub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static GitHubIncidentApp.Core.Tests.Alerts.AlertGroupPayloadTests;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>The reconciler wired as a host wires it, over the in-memory dry-run port, whose log lists every write.</summary>
public sealed class AlertmanagerReconcilerTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly ReconcileScope Scope = new() { DefaultRepo = Repo, ExternalUrl = "http://alertmanager:9093" };
    private static readonly AlertGroup DiskFull = Group("github", new Dictionary<string, string> { ["alertname"] = "DiskFull" },
        Alert("fp1", new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = "a" }));

    private readonly FakeTimeProvider _time = new(TestIncidents.Now);
    private readonly RecordingLogger<DryRunGitHubPort> _writes = new();
    private readonly DryRunGitHubPort _github;
    private readonly AlertmanagerReconciler _reconciler;

    public AlertmanagerReconcilerTests()
    {
        _github = new DryRunGitHubPort(_writes, _time);
        var index = new InMemoryIncidentIndex();
        var settings = new RepoSettingsCache(_github, new FixedBotIdentity(DryRunGitHubPort.DefaultAuthor), _time, NullLogger<RepoSettingsCache>.Instance);
        var markers = new TrustedMarkers(_github, new FixedBotIdentity(DryRunGitHubPort.DefaultAuthor), NullLogger<TrustedMarkers>.Instance);
        var store = new IncidentStore(index, new IncidentIndexRebuilder(markers, index, _time), markers, new IncidentExecutor(_github, new LabelCache(_github)), _time);
        var alerts = new AlertDeliveryHandler(settings, store, new StormLedger(store, index), _time, NullLogger<AlertDeliveryHandler>.Instance);
        _reconciler = new AlertmanagerReconciler(settings, store, alerts, markers, new MarkerWriteBack(index, _github), _time, NullLogger<AlertmanagerReconciler>.Instance);
    }

    private int WriteCount => _writes.Entries.Count(e => e.Level == LogLevel.Information && e.Message.Contains(" would ", StringComparison.Ordinal));

    [Fact]
    public async Task A_group_opens_its_incident_once_and_its_disappearance_resolves_it_once()
    {
        var opened = await _reconciler.ReconcileAsync([DiskFull], Scope, CancellationToken.None);
        var afterOpen = WriteCount;
        var unchanged = await _reconciler.ReconcileAsync([DiskFull], Scope, CancellationToken.None);
        var afterUnchanged = WriteCount;
        _time.Advance(TimeSpan.FromMinutes(5));
        var gone = await _reconciler.ReconcileAsync([], Scope, CancellationToken.None);
        var afterGone = WriteCount;
        var stillGone = await _reconciler.ReconcileAsync([], Scope, CancellationToken.None);

        Assert.Equal(1, Assert.Single(opened.Delivered).IssueNumber);
        Assert.True(afterOpen > 0);
        Assert.Equal(0, Assert.Single(unchanged.Delivered).Operations);
        Assert.Equal(afterOpen, afterUnchanged);
        Assert.Equal([(Repo, 1)], gone.Resolved);
        var issue = await _github.GetIssueAsync(Repo, 1, CancellationToken.None);
        Assert.False(issue.IsOpen);
        Assert.Contains("resolved", issue.Labels);
        Assert.Empty(stillGone.Resolved);
        Assert.Equal(afterGone, WriteCount);
    }

    [Fact]
    public async Task A_group_whose_alerts_are_all_silenced_keeps_its_incident_open()
    {
        await _reconciler.ReconcileAsync([DiskFull], Scope, CancellationToken.None);
        var silenced = DiskFull with { Alerts = [DiskFull.Alerts[0] with { Status = new GroupAlertStatus { State = GroupAlertStatus.Suppressed, SilencedBy = ["s1"] } }] };

        var outcome = await _reconciler.ReconcileAsync([silenced], Scope, CancellationToken.None);

        Assert.Empty(outcome.Delivered);
        Assert.Empty(outcome.Resolved);
        Assert.True((await _github.GetIssueAsync(Repo, 1, CancellationToken.None)).IsOpen);
    }
}
