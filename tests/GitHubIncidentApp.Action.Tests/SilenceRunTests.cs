using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.Alertmanager;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>
/// <c>/silence</c> and <c>/unsilence</c> in commands runs, and maintenance windows in scheduled runs, with
/// <c>alertmanager-url</c> at the real Alertmanager.
/// </summary>
public sealed class SilenceRunTests : ActionRunTestBase, IAsyncLifetime
{
    private AlertmanagerProcess _alertmanager = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        // Nothing listens on the discard port: these tests use Alertmanager's API, not its notifications.
        _alertmanager = await AlertmanagerProcess.StartAsync(new Uri("http://127.0.0.1:9/"), "unused");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _alertmanager.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task Silence_then_unsilence_in_Alertmanager()
    {
        var issue = SeededIncident.Add(Repo, state => state with { GroupLabels = new Dictionary<string, string> { ["alertname"] = "JupyterHubDown", ["namespace"] = "hub" } });
        var inputs = new Dictionary<string, string> { [ActionInputs.AlertmanagerUrl] = _alertmanager.BaseUrl.AbsoluteUri, [ActionInputs.AlertmanagerToken] = "am-token" };

        var silenced = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, Repo.AddComment(issue.Number, "alice", "/silence 2h")), inputs);

        Assert.True(silenced.ExitCode == 0, silenced.Stdout + silenced.Stderr);
        var silence = Assert.Single(await _alertmanager.GetSilencesAsync());
        Assert.Equal(("active", "alice"), (silence.Status.State, silence.CreatedBy));
        Assert.Equal([new("alertname", "JupyterHubDown", false, true), new("namespace", "hub", false, true)], silence.Matchers.OrderBy(m => m.Name, StringComparer.Ordinal));
        Assert.Equal(silence.Id, IssueBody.ReadState(Repo.Issue(issue.Number).Body)!.Silence!.Id);
        Assert.DoesNotContain("does not reach Alertmanager", silenced.Stdout, StringComparison.Ordinal);

        var unsilenced = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, Repo.AddComment(issue.Number, "alice", "/unsilence")), inputs);

        Assert.True(unsilenced.ExitCode == 0, unsilenced.Stdout + unsilenced.Stderr);
        Assert.Equal("expired", Assert.Single(await _alertmanager.GetSilencesAsync()).Status.State);
        Assert.Null(IssueBody.ReadState(Repo.Issue(issue.Number).Body)!.Silence);
    }

    [Fact]
    public async Task A_scheduled_run_creates_the_windows_silences_once_and_says_so()
    {
        var from = DateTimeOffset.UtcNow.AddDays(1).UtcDateTime;
        Repo.SetFile(".github/incidents.yml", string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"maintenance:\n  - {{ matchers: ['namespace=\"db\"'], from: {from:yyyy-MM-dd'T'HH:mm}Z, to: {from.AddHours(2):yyyy-MM-dd'T'HH:mm}Z }}\n"));
        var inputs = new Dictionary<string, string> { [ActionInputs.AlertmanagerUrl] = _alertmanager.BaseUrl.AbsoluteUri };

        var first = await Action.RunAsync(GitHub, "schedule", eventJson: "{}", inputs);
        var second = await Action.RunAsync(GitHub, "schedule", eventJson: "{}", inputs);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Stdout + second.Stdout);
        var silence = Assert.Single(await _alertmanager.GetSilencesAsync());
        // The Action's inputs are the repository's own people's: its windows are trusted as written (scope all).
        Assert.Equal([new("namespace", "db", false, true)], silence.Matchers);
        Assert.Equal(("pending", "incident-app (operate-first/incidents)"), (silence.Status.State, silence.CreatedBy));
        Assert.Contains("Maintenance windows: 1 silence(s) created in Alertmanager ({namespace=\"db\"} from ", first.Summary, StringComparison.Ordinal);
        Assert.Contains("Maintenance windows: 0 silence(s) created in Alertmanager, 0 expired.", second.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_alertmanager_url_the_reply_names_the_input()
    {
        var issue = SeededIncident.Add(Repo, state => state with { GroupLabels = new Dictionary<string, string> { ["alertname"] = "JupyterHubDown" } });

        var result = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, Repo.AddComment(issue.Number, "alice", "/silence 2h")));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains(Repo.Issue(issue.Number).Comments, c => c.Body.Contains("the workflow does not set the alertmanager-url input", StringComparison.Ordinal));
        Assert.Empty(await _alertmanager.GetSilencesAsync());
    }
}
