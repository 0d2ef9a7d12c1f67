using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.Alertmanager;

namespace GitHubIncidentApp.Action.Tests;

/// <summary><c>/silence</c> and <c>/unsilence</c> in commands runs, with <c>alertmanager-url</c> at the real Alertmanager.</summary>
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
    public async Task Without_alertmanager_url_the_reply_names_the_input()
    {
        var issue = SeededIncident.Add(Repo, state => state with { GroupLabels = new Dictionary<string, string> { ["alertname"] = "JupyterHubDown" } });

        var result = await Action.RunAsync(GitHub, "issue_comment", SeededIncident.CommentEvent(Repo, issue, Repo.AddComment(issue.Number, "alice", "/silence 2h")));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains(Repo.Issue(issue.Number).Comments, c => c.Body.Contains("the workflow does not set the alertmanager-url input", StringComparison.Ordinal));
        Assert.Empty(await _alertmanager.GetSilencesAsync());
    }
}
