using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>Each kind of inbox item reaches its handler through the one dispatcher; a bad one is refused before any call.</summary>
public sealed class DeliveryDispatcherTests : IAsyncLifetime
{
    private static readonly RepoRef Repo = PipelineHarness.Repo;
    private PipelineHarness _core = null!;

    public async Task InitializeAsync() => _core = await PipelineHarness.StartAsync(new InMemoryIncidentIndex());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<DispatchOutcome> DispatchAsync(InboxItem item) =>
        _core.Get<DeliveryDispatcher>().DispatchAsync(item, retried: false, CancellationToken.None);

    [Fact]
    public async Task Alerts_open_their_incident_and_say_which_issue_holds_it()
    {
        var json = Fixtures.Alertmanager("firing-critical");
        var payload = AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(json)).Payload!;

        var outcome = await DispatchAsync(InboxItems.ForAlerts(Repo, payload, json, DateTimeOffset.UtcNow));

        var issue = Assert.Single(_core.FakeRepo.Issues);
        Assert.Equal(issue.Number, outcome.Alerts?.IssueNumber);
        Assert.Equal(_core.MarkerOf(issue.Number).Key, outcome.Alerts?.Key);
        Assert.True(outcome.Alerts?.Operations > 0);
        Assert.Null(outcome.Ignored);
    }

    [Fact]
    public async Task A_comment_event_runs_its_command()
    {
        _core.FakeRepo.SetRole("alice", "triage");
        var issue = _core.AddIncident();
        var comment = _core.FakeRepo.AddComment(issue.Number, "alice", "/ack");
        var json = GitHubPayloads.Comment(_core.FakeRepo, issue, comment);
        var parsed = GitHubEventParser.Parse("issue_comment", json, "delivery-1").Event!;

        var outcome = await DispatchAsync(await InboxItems.ForGitHubEventAsync(_core.Index, "issue_comment", "delivery-1", parsed, json, DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.Equal(DispatchOutcome.Handled, outcome);
        Assert.Equal("alice", _core.MarkerOf(issue.Number).Acknowledged?.By);
    }

    [Fact]
    public async Task A_stored_event_the_app_does_not_use_is_ignored_with_the_reason_and_no_call()
    {
        var outcome = await DispatchAsync(Stored(InboxSources.GitHubPrefix + "push", Repo.ToString(), "{}"));

        Assert.Equal("'push' events are not used", outcome.Ignored);
        Assert.Null(outcome.Alerts);
        Assert.Empty(_core.Server.Requests);
    }

    [Fact]
    public async Task A_due_timed_step_fires()
    {
        _core.FakeRepo.SetFile(".github/incidents.yml", Schedules.Weekly);
        var issue = _core.AddIncident(state => state with
        {
            Escalation = new EscalationProgress
            {
                Policy = "default",
                Steps = [new EscalationStepPlan(["@operate-first/sre-leads"], null)],
                DueAt = DateTimeOffset.UtcNow.AddMinutes(-7),
            },
        });
        var due = new IndexedIncident
        {
            Repo = Repo,
            Key = _core.MarkerOf(issue.Number).Key,
            IssueNumber = issue.Number,
            StateJson = _core.MarkerOf(issue.Number).ToJson(),
            Labels = issue.Labels,
            UpdatedAt = DateTimeOffset.UtcNow,
            DueAt = _core.MarkerOf(issue.Number).Escalation!.DueAt,
        };

        var outcome = await DispatchAsync(InboxItems.ForTimedStep(due, DateTimeOffset.UtcNow));

        Assert.Equal(DispatchOutcome.Handled, outcome);
        Assert.Contains("Escalating (step 1 of 1", Assert.Single(_core.FakeRepo.Issue(issue.Number).Comments).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github/issue_comment", "operate-first/incidents", "{ not json", "the stored GitHub delivery cannot be read: the body is not valid JSON")]
    [InlineData("timer", "operate-first/incidents", "twelve", "the stored timer delivery names no issue: 'operate-first/incidents' 'twelve'")]
    [InlineData("timer", "not a repository", "12", "the stored timer delivery names no issue: 'not a repository' '12'")]
    [InlineData("alertmanager", "operate-first/incidents", "{}", "the stored delivery cannot be read: ")]
    [InlineData("alertmanager", "-bad-/incidents", null, "the stored delivery's repository is refused ('-bad-' is not a GitHub owner name")]
    [InlineData("sqs", "operate-first/incidents", "{}", "no handler for deliveries from 'sqs'")]
    public async Task A_stored_item_that_can_never_be_handled_is_refused_before_any_call(string source, string repo, string? payload, string message)
    {
        var item = Stored(source, repo, payload ?? Fixtures.Alertmanager("firing-critical"));

        var refused = await Assert.ThrowsAsync<InvalidDeliveryException>(() => DispatchAsync(item));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_core.Server.Requests);
    }

    private static InboxItem Stored(string source, string repo, string payload) => new()
    {
        Source = source,
        DeliveryId = "stored-1",
        Repo = repo,
        IncidentKey = "key",
        Payload = payload,
        ReceivedAt = DateTimeOffset.UtcNow,
    };
}
