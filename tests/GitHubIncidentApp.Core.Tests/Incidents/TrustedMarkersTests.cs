using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Tests.GitHub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class TrustedMarkersTests
{
    private const string Bot = "incident-app[bot]";
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly IncidentConfig Config = new();

    private readonly RecordingLogger<TrustedMarkers> _log = new();
    private readonly TrustedMarkers _markers;

    public TrustedMarkersTests()
    {
        var github = new DryRunGitHubPort(new RecordingLogger<DryRunGitHubPort>(), new FakeTimeProvider(TestIncidents.Now));
        _markers = new TrustedMarkers(github, new FixedBotIdentity(Bot), _log);
    }

    private static IssueSnapshot Issue(string author, params string[] labels) => new()
    {
        Number = 7,
        Title = "t",
        Body = IssueBody.Section("notes", TestIncidents.Firing),
        IsOpen = true,
        Labels = labels,
        Author = author,
    };

    private Task<IncidentState?> ReadAsync(IssueSnapshot issue) => _markers.ReadAsync(Repo, issue, Config, CancellationToken.None);

    [Fact]
    public async Task The_marker_of_an_issue_the_bot_opened_with_the_incident_label_counts()
    {
        Assert.Equal(TestIncidents.Firing.Key, (await ReadAsync(Issue("Incident-App[bot]", "Incident")))?.Key);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task A_marker_in_someone_elses_issue_is_ignored_and_logged_once()
    {
        Assert.Null(await ReadAsync(Issue("mallory", Config.IncidentLabel)));
        var (level, message) = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal($"Issue #7 in {Repo} carries an incident marker but was opened by mallory, not by the app ({Bot}); ignored", message);
    }

    [Fact]
    public async Task A_marker_in_the_bots_issue_without_the_incident_label_is_ignored()
    {
        Assert.Null(await ReadAsync(Issue(Bot, "bug")));
        Assert.Contains("not the 'incident' label", Assert.Single(_log.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issue_without_a_marker_is_no_incident_and_logs_nothing()
    {
        Assert.Null(await ReadAsync(Issue("mallory") with { Body = "Printer on fire" }));
        Assert.Empty(_log.Entries);
    }
}
